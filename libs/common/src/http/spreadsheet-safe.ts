/**
 * A CSV cell as a spreadsheet should show it, never run it: text that starts like a formula
 * (=, +, -, @, tab, carriage return) gets a leading apostrophe, which spreadsheets hide; negative
 * numbers stay numbers. For every CSV this product writes from what people typed (names, titles).
 */
export const spreadsheetSafe = (value: string): string => (/^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value);
