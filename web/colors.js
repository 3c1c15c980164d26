// One colour per source, by its position in the library: hues spread round the
// wheel by the golden angle, so neighbours never look alike. The web demo, the
// extension and the editor adapters all colour sources with it.
export const hueOf = (position) => Math.round((210 + position * 137.508) % 360);
