// What the offline engine understands of a prompt: colour words (with dark/light/bright
// modifiers) and texture or scene words. Everything else is ignored, which leaves a plain inpaint;
// the point is that a prompt visibly and predictably steers the result without a model.

export type Rgb = readonly [number, number, number];

export type TextureKind = "stripes" | "dots" | "checkers" | "waves" | "clouds" | "grass" | "brick" | "stars" | "sand" | "fire" | "snow";

export interface PromptStyle {
  /** Colours named in the prompt, modifiers applied, in order of appearance. */
  colours: Rgb[];
  /** "bright", "vivid", "neon"...: tint harder. */
  vivid: boolean;
  /** Textures named in the prompt, each once, in order of appearance (at most MAX_TEXTURES). */
  textures: TextureKind[];
}

const MAX_TEXTURES = 3;

const COLOURS: Record<string, Rgb> = {
  red: [215, 35, 35],
  crimson: [190, 20, 55],
  maroon: [120, 20, 35],
  scarlet: [240, 40, 20],
  orange: [245, 135, 25],
  amber: [250, 175, 20],
  coral: [250, 120, 90],
  rust: [170, 75, 30],
  yellow: [245, 220, 45],
  gold: [215, 170, 40],
  golden: [215, 170, 40],
  cream: [245, 235, 200],
  beige: [225, 205, 165],
  tan: [205, 170, 120],
  brown: [115, 70, 35],
  green: [55, 165, 65],
  lime: [150, 225, 45],
  olive: [120, 125, 30],
  emerald: [20, 155, 90],
  teal: [0, 128, 128],
  cyan: [0, 200, 225],
  turquoise: [60, 215, 200],
  aqua: [60, 220, 230],
  blue: [35, 85, 215],
  navy: [20, 30, 95],
  azure: [40, 130, 240],
  indigo: [75, 20, 140],
  purple: [130, 55, 180],
  violet: [140, 80, 215],
  lavender: [180, 160, 230],
  magenta: [215, 0, 155],
  pink: [240, 130, 180],
  rose: [230, 90, 130],
  black: [15, 15, 18],
  white: [245, 245, 245],
  gray: [128, 128, 128],
  grey: [128, 128, 128],
  silver: [195, 198, 205],
};

type Modifier = "dark" | "light" | "vivid";

const MODIFIERS: Record<string, Modifier> = {
  dark: "dark",
  deep: "dark",
  dim: "dark",
  light: "light",
  pale: "light",
  pastel: "light",
  soft: "light",
  bright: "vivid",
  vivid: "vivid",
  neon: "vivid",
  saturated: "vivid",
  intense: "vivid",
};

const TEXTURES: Record<string, TextureKind> = {
  stripes: "stripes",
  stripe: "stripes",
  striped: "stripes",
  stripy: "stripes",
  lines: "stripes",
  dots: "dots",
  dot: "dots",
  dotted: "dots",
  spots: "dots",
  spotted: "dots",
  spotty: "dots",
  polka: "dots",
  checkers: "checkers",
  checker: "checkers",
  checkered: "checkers",
  chequered: "checkers",
  checkerboard: "checkers",
  chess: "checkers",
  tiles: "checkers",
  waves: "waves",
  wave: "waves",
  wavy: "waves",
  water: "waves",
  ocean: "waves",
  sea: "waves",
  lake: "waves",
  river: "waves",
  clouds: "clouds",
  cloud: "clouds",
  cloudy: "clouds",
  sky: "clouds",
  fog: "clouds",
  mist: "clouds",
  grass: "grass",
  grassy: "grass",
  meadow: "grass",
  lawn: "grass",
  field: "grass",
  moss: "grass",
  brick: "brick",
  bricks: "brick",
  wall: "brick",
  masonry: "brick",
  stars: "stars",
  star: "stars",
  starry: "stars",
  night: "stars",
  space: "stars",
  galaxy: "stars",
  noise: "sand",
  noisy: "sand",
  sand: "sand",
  sandy: "sand",
  gravel: "sand",
  desert: "sand",
  beach: "sand",
  grain: "sand",
  grainy: "sand",
  dust: "sand",
  fire: "fire",
  flame: "fire",
  flames: "fire",
  fiery: "fire",
  lava: "fire",
  burning: "fire",
  snow: "snow",
  snowy: "snow",
  snowflakes: "snow",
  winter: "snow",
  frost: "snow",
  ice: "snow",
  icy: "snow",
};

function applyModifier(rgb: Rgb, mod: Modifier | undefined): Rgb {
  if (mod === "dark") return [rgb[0] * 0.5, rgb[1] * 0.5, rgb[2] * 0.5];
  if (mod === "light") return [rgb[0] + (255 - rgb[0]) * 0.5, rgb[1] + (255 - rgb[1]) * 0.5, rgb[2] + (255 - rgb[2]) * 0.5];
  if (mod === "vivid") {
    // Push the channels apart from their mean: more saturated, same brightness.
    const mean = (rgb[0] + rgb[1] + rgb[2]) / 3;
    const s = (v: number) => Math.min(255, Math.max(0, mean + (v - mean) * 1.25));
    return [s(rgb[0]), s(rgb[1]), s(rgb[2])];
  }
  return rgb;
}

/** A colour word, also as "-ish" ("reddish", "bluish", "greenish"). */
function colourWord(word: string): Rgb | undefined {
  if (COLOURS[word]) return COLOURS[word];
  if (!word.endsWith("ish")) return undefined;
  const stem = word.slice(0, -3);
  return COLOURS[stem] ?? COLOURS[`${stem}e`] ?? COLOURS[stem.slice(0, -1)];
}

/** Reads the colours (with modifiers) and texture/scene words of a prompt; case-insensitive. */
export function parsePrompt(prompt: string): PromptStyle {
  const words = prompt
    .toLowerCase()
    .normalize("NFKD")
    .split(/[^a-z]+/)
    .filter(Boolean);
  const style: PromptStyle = { colours: [], vivid: false, textures: [] };
  // A modifier applies to the next colour word, if one follows within two words ("dark, deep blue").
  let pending: Modifier | undefined;
  let pendingAge = 0;
  for (const word of words) {
    const mod = MODIFIERS[word];
    if (mod) {
      pending = mod;
      pendingAge = 0;
      if (mod === "vivid") style.vivid = true;
      continue;
    }
    const colour = colourWord(word);
    if (colour) {
      style.colours.push(applyModifier(colour, pending));
      pending = undefined;
      continue;
    }
    const texture = TEXTURES[word];
    if (texture && !style.textures.includes(texture) && style.textures.length < MAX_TEXTURES) style.textures.push(texture);
    if (pending && ++pendingAge > 2) pending = undefined;
  }
  return style;
}

/** The mean of the named colours (undefined when none was named). */
export function meanColour(colours: readonly Rgb[]): Rgb | undefined {
  if (colours.length === 0) return undefined;
  let r = 0;
  let g = 0;
  let b = 0;
  for (const c of colours) {
    r += c[0];
    g += c[1];
    b += c[2];
  }
  return [r / colours.length, g / colours.length, b / colours.length];
}
