/**
 * The values of the catalogues' tally messages ("+3 / -1", `{up, number, ::sign-always} /
 * {down, number, ::sign-always}`). The down count is passed negative so that the reader's locale
 * writes both signs itself, with the marks that keep a sign beside its number in right-to-left
 * text; a sign typed into the message would drift to the wrong side in Arabic.
 */
export function tallyValues(up: number, down: number): { up: number; down: number } {
  return { up, down: -down };
}
