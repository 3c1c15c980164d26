// The package's API contract (dist/reuselens/, built by `make wasm`): what a CMS
// developer or the web demo relies on. Parity tests run the native CLI
// (build/native/reuselens) on the same inputs.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cli, importPackage, loadSeeds, packageDir, panDir } from './fixtures.mjs';

const SEEDS = loadSeeds();

let api;
before(async () => {
  api = await importPackage('index.js');
});

async function lensWith(ids) {
  const lens = await api.createReuseLens();
  for (const id of ids) lens.addSource({ id, title: `Seed ${id}`, url: `https://example.org/${id}`, text: SEEDS[id].text });
  return lens;
}

// The text of [start, end) counted in code points (the CLI's offsets).
function byCodePoints(text, start, end) {
  return Array.from(text).slice(start, end).join('');
}

test('package.json exports the module and its types', () => {
  const pkg = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.exports['.'].default, './index.js');
  assert.equal(pkg.exports['.'].types, './index.d.ts');
  for (const file of pkg.files) assert.ok(existsSync(path.join(packageDir, file)), file);
  // Every runtime export is declared.
  const types = readFileSync(path.join(packageDir, 'index.d.ts'), 'utf8');
  for (const name of Object.keys(api)) {
    if (name === 'default') assert.match(types, /export default createReuseLens/);
    else assert.match(types, new RegExp(`export declare (const|function|class) ${name}\\b`), name);
  }
});

test('the contract: createReuseLens() in Node, addSource, match with UTF-16 offsets', async () => {
  const lens = await api.createReuseLens();  // finds its .wasm beside index.js
  try {
    lens.addSource({ id: '001', title: 'Seed 001', url: 'https://example.org/001', text: SEEDS['001'].text });
    const page = `☕ ${SEEDS['003'].text}`;  // one UTF-16 unit before the article
    const { passages } = lens.match(page);
    assert.ok(passages.length >= 3, JSON.stringify(passages.map((p) => [p.start, p.kind])));
    for (const p of passages) {
      assert.equal(p.sourceId, '001');
      assert.equal(p.sourceTitle, 'Seed 001');
      assert.equal(p.sourceUrl, 'https://example.org/001');
      assert.ok(api.KINDS.includes(p.kind), p.kind);
      assert.ok(p.score > 0 && p.score <= 1);
      assert.equal(typeof p.quoted, 'boolean');
      assert.ok(p.start < p.end && p.end <= page.length);
      assert.ok(p.sourceStart < p.sourceEnd && p.sourceEnd <= SEEDS['001'].text.length);
    }
    const verbatim = passages.find((p) => p.kind === 'verbatim');
    const copied = page.slice(verbatim.start, verbatim.end);
    assert.equal(SEEDS['001'].text.slice(verbatim.sourceStart, verbatim.sourceEnd).replace(/'/g, '’'), copied);
  } finally {
    lens.dispose();
  }
});

test('the word alignment shows what the spinner changed', async () => {
  const lens = await lensWith(['001']);
  try {
    const page = SEEDS['000'].text, source = SEEDS['001'].text;
    const spun = lens.match(page).passages.find((p) => p.kind === 'spun');
    assert.ok(spun);
    const ops = new Set(spun.alignment.map((s) => s.op));
    for (const op of ['exact', 'synonym', 'function', 'substituted']) assert.ok(ops.has(op), op);
    const pairs = new Set();
    for (const s of spun.alignment) {
      if (s.page) assert.ok(s.page[0] >= spun.start && s.page[1] <= spun.end, JSON.stringify(s));
      if (s.source) assert.ok(s.source[0] >= spun.sourceStart && s.source[1] <= spun.sourceEnd, JSON.stringify(s));
      assert.equal(s.page === null, s.op === 'deleted');
      assert.equal(s.source === null, s.op === 'inserted');
      if (s.page && s.source) pairs.add(`${page.slice(...s.page)}>${source.slice(...s.source)}`);
      const plain = (w) => w.toLowerCase().replace(/’/g, "'");  // exact after normalization
      if (s.op === 'exact') assert.equal(plain(page.slice(...s.page)), plain(source.slice(...s.source)));
    }
    for (const swap of ['infantry>military', 'pronounced>said', 'critical>important']) assert.ok(pairs.has(swap), swap);
  } finally {
    lens.dispose();
  }
});

test('another name of a place is one synonym step over all its words', async () => {
  // Seed 004's headline writes "Russian Federation" where seed 002 has "Russia".
  const lens = await lensWith(['002']);
  try {
    const page = SEEDS['004'].text, source = SEEDS['002'].text;
    const headline = lens.match(page).passages.find((p) => page.slice(p.start, p.end).includes('Russian Federation'));
    assert.ok(headline);
    assert.equal(headline.kind, 'edited');
    const changed = headline.alignment.filter((s) => s.op !== 'exact')
      .map((s) => `${s.op}:${page.slice(...s.page)}>${source.slice(...s.source)}`);
    assert.deepEqual(changed, ['synonym:Russian Federation>Russia']);
  } finally {
    lens.dispose();
  }
});

test('the word alignment shows the words a restatement moved', async () => {
  const lens = await lensWith(['001']);
  try {
    const page = SEEDS['003'].text, source = SEEDS['001'].text;
    const restated = lens.match(page).passages.find((p) => page.slice(p.start, p.end).includes('severed by the Pentagon'));
    assert.ok(restated);
    assert.equal(restated.kind, 'paraphrase');
    const moved = restated.alignment.filter((s) => s.op === 'moved')
      .map((s) => `${page.slice(...s.page)}>${source.slice(...s.source)}`);
    assert.deepEqual(moved, ['High>high', 'level>level', 'with>with', 'Moscow>Moscow']);
    // Each source word once: a moved word is not also left out.
    const sources = restated.alignment.filter((s) => s.source).map((s) => s.source[0]);
    assert.equal(new Set(sources).size, sources.length);
  } finally {
    lens.dispose();
  }
});

// Each language's Snowball stemmer is compiled into the .wasm (wasm/snowball.cmake):
// one it lacked would leave the inflected word a substitution.
test('inflected words of other languages align as stems', async () => {
  const cases = [
    ['Russland, das seine militärische Präsenz in Syrien ausbaut, erklärte rasch, Moskau sei auch zu ' +
     'Gesprächen mit den Vereinigten Staaten bereit.', 'Gesprächen', 'Gespräche'],
    ['La Russie, qui renforce sa présence militaire en Syrie, a dit que Moscou était aussi prête à des ' +
     'discussions avec les États-Unis sur une solution politique.', 'renforce', 'renforçait'],
    ['Rusia, que está aumentando su presencia militar en Siria, se apresuró a decir que Moscú también estaba ' +
     'dispuesta a mantener conversaciones con los Estados Unidos.', 'dispuesta', 'dispuestos'],
    ['La Russia, che sta rafforzando la sua presenza militare in Siria, si è affrettata a dire che anche ' +
     'Mosca era pronta a colloqui con gli Stati Uniti.', 'affrettata', 'affrettati'],
    ['A Rússia, que está a reforçar a sua presença militar na Síria, apressou-se a dizer que Moscovo também ' +
     'estava pronta para conversações com os Estados Unidos.', 'conversações', 'conversação'],
    ['Rusland, dat zijn militaire aanwezigheid in Syrië uitbreidt, zei snel dat Moskou ook klaar was voor ' +
     'gesprekken met de Verenigde Staten.', 'gesprekken', 'gesprek'],
    ['Россия, которая наращивает военное присутствие в Сирии, поспешила заявить, что Москва также готова к ' +
     'переговорам с Соединенными Штатами.', 'переговорам', 'переговоров'],
    ['Rusland, som er ved at opbygge en militær tilstedeværelse i Syrien, var hurtig til at sige, at Moskva også ' +
     'var klar til samtaler med USA, siger en af regeringens talsmænd. Han havde ikke noget imod det.', 'samtaler',
     'samtalerne'],
    ['Russland, som bygger opp en militær tilstedeværelse i Syria, var raskt ute med å si at Moskva også var klar ' +
     'for samtaler med USA. Han hadde ikke noe imot det, sa hun etter møtet.', 'samtaler', 'samtalene'],
    ['Ryssland, som bygger upp en militär närvaro i Syrien, var snabbt att säga att Moskva också var redo för ' +
     'samtal med USA. Han hade inget emot det, sade hon efter mötet.', 'samtal', 'samtalen'],
    ['Venäjä, joka kasvattaa sotilaallista läsnäoloaan Syyriassa, kiirehti sanomaan, että Moskova on myös valmis ' +
     'neuvotteluihin Yhdysvaltojen kanssa Syyrian tilanteesta.', 'neuvotteluihin', 'neuvotteluja'],
    ['Oroszország, amely katonai jelenlétét építi Szíriában, gyorsan kijelentette, hogy Moszkva is kész a ' +
     'tárgyalásokra az Egyesült Államokkal.', 'tárgyalásokra', 'tárgyalásokat'],
    ['Rusia, care își consolidează prezența militară în Siria, s-a grăbit să spună că Moscova este de asemenea ' +
     'pregătită pentru discuții cu Statele Unite.', 'discuții', 'discuțiile'],
    ['Rusia, yang sedang membangun kehadiran militer di Suriah, dengan cepat mengatakan bahwa Moskow juga siap ' +
     'untuk melakukan pembicaraan dengan Amerika Serikat.', 'pembicaraan', 'pembicaraannya'],
    ['Rússia, que està reforçant la seva presència militar a Síria, es va afanyar a dir que Moscou també estava ' +
     'preparada per a converses amb els Estats Units. Ell va dir que això no és un problema.', 'preparada',
     'preparades'],
    ['Errusiak, Sirian bere presentzia militarra indartzen ari denak, azkar esan zuen Moskua ere prest zegoela ' +
     'Estatu Batuekin hitz egiteko. Bere ustez hori ez da arazo bat, eta horregatik ez dute ezer esan.',
     'presentzia', 'presentziaren'],
    ['Bhí an Rúis, atá ag cur lena láithreacht mhíleata sa tSiria, sciobtha le rá go raibh Moscó réidh freisin ' +
     'le haghaidh cainte leis na Stáit Aontaithe. Dúirt sé nach fadhb é sin.', 'mhíleata', 'míleata'],
    ['Rusija, kuri stiprina savo karinį buvimą Sirijoje, greitai pareiškė, kad Maskva taip pat yra pasirengusi ' +
     'deryboms su Jungtinėmis Valstijomis. Jis sakė, kad tai nėra problema.', 'deryboms', 'derybos'],
    ["Suriye'deki askeri varlığını artıran Rusya, Moskova'nın da ABD ile görüşmelere hazır olduğunu söylemekte " +
     'acele etti. Bunun bir sorun olmadığını ve bu konuda çok şey yapılacağını söyledi.', 'görüşmelere',
     'görüşmeleri'],
    ['Η Ρωσία, η οποία ενισχύει τη στρατιωτική της παρουσία στη Συρία, έσπευσε να πει ότι η Μόσχα είναι επίσης ' +
     'έτοιμη για συνομιλίες με τις Ηνωμένες Πολιτείες.', 'στρατιωτική', 'στρατιωτικής'],
    ['Ռուսաստանը, որը ուժեղացնում է իր ռազմական ներկայությունը Սիրիայում, շտապեց ասել, որ Մոսկվան նույնպես ' +
     'պատրաստ է բանակցությունների Միացյալ Նահանգների հետ:', 'բանակցությունների', 'բանակցությունները'],
    ['سارعت روسيا، التي تعزز وجودها العسكري في سوريا، إلى القول إن موسكو مستعدة أيضا لإجراء محادثات مع ' +
     'الولايات المتحدة. وقال إن هذا ليس مشكلة على الإطلاق.', 'العسكري', 'عسكري'],
    ['रूस, जो सीरिया में अपनी सैन्य उपस्थिति बढ़ा रहा है, ने जल्दी से कहा कि मास्को भी संयुक्त राज्य अमेरिका के ' +
     'साथ बातचीत के लिए तैयार है। उसने कहा कि यह कोई समस्या नहीं है।', 'समस्या', 'समस्याएं'],
  ];
  for (const [source, from, to] of cases) {
    const lens = await api.createReuseLens();
    try {
      lens.addSource({ id: 'src', text: source });
      const page = source.replace(from, to);
      const [passage, ...rest] = lens.match(page).passages;
      assert.equal(rest.length, 0, from);
      const step = passage.alignment.find((s) => s.page && page.slice(...s.page) === to);
      assert.equal(step?.op, 'stem', `${from} -> ${to}`);
      assert.equal(source.slice(...step.source), from);
    } finally {
      lens.dispose();
    }
  }
});

test('quoted speech shared by two outlets is flagged', async () => {
  const lens = await lensWith(['001']);
  try {
    const { passages } = lens.match(SEEDS['002'].text);
    assert.deepEqual(passages.map((p) => p.quoted), [true]);
    assert.match(SEEDS['002'].text.slice(passages[0].start, passages[0].end), /common ground/);
  } finally {
    lens.dispose();
  }
});

test('options: kinds and minimum length', async () => {
  const lens = await lensWith(['001']);
  try {
    const all = lens.match(SEEDS['003'].text).passages;
    const kinds = new Set(all.map((p) => p.kind));
    assert.ok(kinds.size >= 2);
    const verbatim = lens.match(SEEDS['003'].text, { kinds: ['verbatim'] }).passages;
    assert.deepEqual(verbatim, all.filter((p) => p.kind === 'verbatim'));
    const shortest = Math.min(...all.map((p) => p.end - p.start));
    const long = lens.match(SEEDS['003'].text, { minChars: shortest + 1 }).passages;
    assert.ok(long.length > 0 && long.length < all.length);
    for (const p of long) assert.ok(p.end - p.start > shortest || p.sourceEnd - p.sourceStart > shortest);
    assert.throws(() => lens.match('x', { kinds: ['copied'] }), TypeError);
    assert.throws(() => lens.match('x', { kinds: 'verbatim' }), TypeError);
    assert.throws(() => lens.match('x', { minChars: -1 }), TypeError);
  } finally {
    lens.dispose();
  }
});

test('options: excluded sources are left out', async () => {
  // The demo library holds every seed, the page checked included.
  const lens = await lensWith(['000', '001', '002', '003', '004']);
  try {
    const all = lens.match(SEEDS['003'].text).passages;
    assert.deepEqual(new Set(all.map((p) => p.sourceId)), new Set(['003']));
    const others = lens.match(SEEDS['003'].text, { exclude: ['003', 'no-such-id'] }).passages;
    assert.ok(others.length >= 3);
    assert.ok(!others.some((p) => p.sourceId === '003'));
    assert.ok(others.some((p) => p.sourceId === '001'));
    assert.throws(() => lens.match('x', { exclude: '003' }), TypeError);
  } finally {
    lens.dispose();
  }
});

test('sources are listed, read back and removed', async () => {
  const lens = await lensWith(['001', '003']);
  try {
    assert.deepEqual(lens.sources().map((s) => [s.id, s.title, s.url, s.length]), [
      ['001', 'Seed 001', 'https://example.org/001', SEEDS['001'].text.length],
      ['003', 'Seed 003', 'https://example.org/003', SEEDS['003'].text.length],
    ]);
    assert.equal(lens.sourceText('003'), SEEDS['003'].text);
    assert.equal(lens.sourceText('nope'), undefined);
    assert.ok(lens.match(SEEDS['002'].text).passages.some((p) => p.sourceId === '003'));
    assert.equal(lens.removeSource('003'), true);
    assert.deepEqual(lens.sources().map((s) => s.id), ['001']);
    assert.ok(lens.match(SEEDS['002'].text).passages.every((p) => p.sourceId === '001'));
    assert.throws(() => lens.addSource({ id: '001', text: 'again' }), /001/);
  } finally {
    lens.dispose();
  }
});

test('a library built by the CLI loads, and matches as the CLI does', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reuselens-'));
  const libFile = path.join(dir, 'seeds.rlens');
  const ids = ['000', '001', '002', '003', '004'];
  execFileSync(cli, ['library', 'build', libFile, ...ids.map((id) => SEEDS[id].file)]);
  const lens = await api.createReuseLens();
  try {
    lens.load(readFileSync(libFile));
    assert.deepEqual(lens.sources().map((s) => s.id), ids.map((id) => SEEDS[id].file));
    // Parity with the native CLI on every seed page against the other four.
    for (const pageId of ids) {
      const page = SEEDS[pageId].text;
      const others = ids.filter((id) => id !== pageId);
      const native = JSON.parse(execFileSync(cli, ['match', ...others.flatMap((id) => ['--source', SEEDS[id].file]), SEEDS[pageId].file], { encoding: 'utf8' })).passages;
      const local = await lensWith(others);
      try {
        const wasm = local.match(page).passages;
        assert.equal(wasm.length, native.length, `page ${pageId}`);
        wasm.forEach((w, i) => {
          const n = native[i];
          assert.equal(`Seed ${path.basename(n.source).slice(0, 3)}`, w.sourceTitle);
          assert.equal(page.slice(w.start, w.end), byCodePoints(page, n.start, n.end));
          assert.equal(w.kind, n.kind);
          assert.ok(Math.abs(w.score - n.score) < 1e-3);
          assert.equal(w.quoted, n.quoted);
          assert.equal(w.alignment.length, n.alignment.length);
        });
      } finally {
        local.dispose();
      }
    }
  } finally {
    lens.dispose();
  }
});

test('parity with the CLI on a PAN sample', { skip: !existsSync(panDir) && 'no ../shared/pan13-train' }, async () => {
  const pairs = readFileSync(path.join(panDir, '03-random-obfuscation/pairs'), 'utf8').trim().split('\n').slice(0, 12);
  let compared = 0;
  for (const line of pairs) {
    const [susp, src] = line.split(/\s+/);
    const pageFile = path.join(panDir, 'susp', susp), sourceFile = path.join(panDir, 'src', src);
    const page = readFileSync(pageFile, 'utf8'), source = readFileSync(sourceFile, 'utf8');
    const native = JSON.parse(execFileSync(cli, ['match', '--source', sourceFile, pageFile], { encoding: 'utf8' })).passages;
    const lens = await api.createReuseLens();
    try {
      lens.addSource({ id: src, text: source });
      const wasm = lens.match(page).passages;
      assert.deepEqual(wasm.map((w) => [page.slice(w.start, w.end), source.slice(w.sourceStart, w.sourceEnd), w.kind]),
        native.map((n) => [byCodePoints(page, n.start, n.end), byCodePoints(source, n.source_start, n.source_end), n.kind]), line);
      compared += wasm.length;
    } finally {
      lens.dispose();
    }
  }
  assert.ok(compared > 0);
});

test('10,000 calls leak nothing', async () => {
  const lens = await lensWith(['001']);
  try {
    const page = SEEDS['002'].text.slice(0, 3000);
    for (let i = 0; i < 50; ++i) lens.match(page);  // the heap settles
    const before = lens.memory();
    for (let i = 0; i < 10000; ++i) {
      const { passages } = lens.match(i % 2 ? page : 'A short unrelated note.');
      if (i % 2) assert.equal(passages.length, 1);
      if (i % 1000 === 0) lens.sources();
    }
    const after = lens.memory();
    assert.equal(after.liveHandles, 0);
    assert.equal(after.heapBytes, before.heapBytes);
  } finally {
    lens.dispose();
  }
});

test('huge and empty pages', async () => {
  const lens = await lensWith(['001']);
  try {
    assert.deepEqual(lens.match('').passages, []);
    // 50 MB of UTF-16 with the copied article in the middle.
    const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(440000);
    const page = filler + SEEDS['001'].text + filler;
    const { passages } = lens.match(page);
    assert.ok(passages.length >= 1);
    assert.ok(passages.every((p) => p.start >= filler.length && p.end <= filler.length + SEEDS['001'].text.length));
  } finally {
    lens.dispose();
  }
});

test('text that repeats itself on both sides stays within WebAssembly memory', async () => {
  // Every copy of the sentence resembles every other: paired all with all,
  // these took 6.8 GB natively, past the 2 GB the module may grow to.
  const sentence = 'The military said on Friday that the talks would take place very shortly. ';
  const lens = await api.createReuseLens();
  try {
    lens.addSource({ id: 'echo', title: 'Echo', url: 'https://example.org/echo', text: sentence.repeat(5000) });
    lens.addSource({ id: '001', title: 'Seed 001', url: 'https://example.org/001', text: SEEDS['001'].text });
    const { passages } = lens.match(sentence.repeat(20000));
    assert.ok(passages.every((p) => p.sourceId === 'echo'));
    // The instance still works: the seed's spun copy is found.
    assert.ok(lens.match(SEEDS['000'].text).passages.some((p) => p.sourceId === '001' && p.kind === 'spun'));
  } finally {
    lens.dispose();
  }
});

test('instances compiled once stay independent; a bad .wasm is a clear Error', async () => {
  const wasmBinary = readFileSync(path.join(packageDir, 'reuselens_core.wasm'));
  const [a, b] = await Promise.all([api.createReuseLens({ wasmBinary }), api.createReuseLens({ wasmBinary })]);
  try {
    a.addSource({ id: '001', title: 'Seed 001', url: '', text: SEEDS['001'].text });
    assert.equal(a.size, 1);
    assert.equal(b.size, 0);
    assert.ok(a.match(SEEDS['000'].text).passages.length > 0);
    assert.deepEqual(b.match(SEEDS['000'].text).passages, []);
  } finally {
    a.dispose();
    b.dispose();
  }
  await assert.rejects(api.createReuseLens({ wasmBinary: new Uint8Array([0, 97, 115, 109, 9, 9]) }), WebAssembly.CompileError);
  await assert.rejects(api.createReuseLens({ wasmBinary: 'reuselens_core.wasm' }), /wasmBinary must be/);
  // A failed fetch is not cached: a server that fails once, then serves the .wasm.
  let requests = 0;
  const server = http.createServer((req, res) => {
    if (++requests === 1) return res.writeHead(503).end();
    res.writeHead(200, { 'content-type': 'application/wasm' }).end(wasmBinary);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const wasmUrl = `http://127.0.0.1:${server.address().port}/reuselens_core.wasm`;
    await assert.rejects(api.createReuseLens({ wasmUrl }), /cannot fetch .*HTTP 503/);
    const lens = await api.createReuseLens({ wasmUrl });
    assert.equal(lens.size, 0);
    lens.dispose();
    assert.equal(requests, 2);
  } finally {
    server.close();
  }
});
