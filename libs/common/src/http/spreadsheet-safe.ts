/**
 * A CSV cell as a spreadsheet should show it, never run it: text that starts like a formula
 * (=, +, -, @, tab, carriage return) gets a leading apostrophe, which spreadsheets hide; a plain
 * negative number such as -0.25 stays a number, but not "-1+1", which a spreadsheet would compute.
 * The one rule for every CSV this product writes.
 */
export const spreadsheetSafe = (value: string): string => (/^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value);
