// Plain types shared by the server code and the components that show badges.
export type BadgeId = "firstSubmission" | "firstTop10" | "firstWinner" | "streak7";
export type Badge = { id: BadgeId; earnedOn: string };
