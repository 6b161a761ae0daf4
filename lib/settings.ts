import "server-only";

/**
 * The rules participants play by. They are experimental conditions for the researchers, so every
 * reader goes through getSettings(); the admin dashboard will store overrides in the database.
 */
export type Settings = {
  /** Generations per user per day. */
  generationQuota: number;
  /** Attempts a user may submit to the day's vote. */
  submissionsPerDay: number;
  /** Allowed share of the picture a mask may cover (fractions). */
  minMaskCoverage: number;
  maxMaskCoverage: number;
  /** Whether people may vote on their own images. */
  allowSelfVoting: boolean;
  /** Herding controls (experimental conditions): see PRODUCT.md on Salganik and Muchnik. */
  hideTalliesUntilVoted: boolean;
  hideAuthors: boolean;
  randomizeOrder: boolean;
};

export const DEFAULT_SETTINGS: Settings = {
  generationQuota: 10,
  submissionsPerDay: 1,
  minMaskCoverage: 0.01,
  maxMaskCoverage: 0.9,
  allowSelfVoting: false,
  hideTalliesUntilVoted: true,
  hideAuthors: true,
  randomizeOrder: true,
};

export async function getSettings(): Promise<Settings> {
  return DEFAULT_SETTINGS;
}
