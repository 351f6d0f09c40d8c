/**
 * WordPress application passwords are 24 letters and digits, shown in groups of four
 * ("abcd EFGH 1234 ijkl MNOP 5678"). Anything else is most likely the password's *name* or the
 * user's login password, typed by mistake: worth a hint before the site says "not accepted".
 */
export const looksLikeApplicationPassword = (typed: string): boolean =>
  /^[A-Za-z0-9]{24}$/.test(typed.replace(/\s+/g, ''));

export const APPLICATION_PASSWORD_HINT =
  'This does not look like an application password (24 letters and digits, shown in groups of four). ' +
  'If you typed the name you gave it, or your login password, create one under Users → Profile → ' +
  'Application Passwords on the site and paste what WordPress shows once.';
