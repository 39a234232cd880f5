/**
 * Widths of text set in DejaVu Sans (the font charts name first, see
 * style.ts), from its measured advance widths: for laying out chart text
 * without a canvas. No chart library here, so spec builders can use it.
 */
/** DejaVu Sans advance widths of ASCII 32..126, in 1/1000 em (measured with resvg). */
const ASCII_WIDTHS = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 300, 337, 636, 636, 636, 636, 636, 636, 636, 636,
  636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
  603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635,
  634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];

/** DejaVu Sans Bold is on average this much wider than the regular face (max over ASCII is ~1.2 on narrow glyphs). */
const BOLD_FACTOR = 1.12;

/** Glyph width in em: measured for ASCII, full width for CJK and other wide scripts, a generous guess otherwise. */
function glyphEm(code: number): number {
  if (code >= 32 && code < 127) return ASCII_WIDTHS[code - 32]! / 1000;
  return code >= 0x2e80 ? 1 : 0.7;
}

/** Width in pixels of `text` set in DejaVu Sans at `fontSize` px. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += glyphEm(ch.codePointAt(0)!);
  return em * fontSize * (bold ? BOLD_FACTOR : 1);
}
