/** A password policy (R-PWD-01). Configurable per deployment. */
export interface PasswordPolicy {
  /** @default 8 */
  minLength: number;
  /** @default 128 */
  maxLength: number;
  /** @default true */
  requireUppercase: boolean;
  /** @default true */
  requireLowercase: boolean;
  /** @default true */
  requireDigit: boolean;
  /** @default true */
  requireSymbol: boolean;
  /** Reject the most common passwords, whatever their shape. @default true */
  rejectCommon: boolean;
}

/** The default policy of seed 001: 8–128 characters, upper, lower, digit, symbol, not common. */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  minLength: 8,
  maxLength: 128,
  requireUppercase: true,
  requireLowercase: true,
  requireDigit: true,
  requireSymbol: true,
  rejectCommon: true,
};

/** A rule's id; also the localisation key suffix for its label. */
export type PasswordRuleId =
  | "minLength"
  | "maxLength"
  | "uppercase"
  | "lowercase"
  | "digit"
  | "symbol"
  | "notCommon";

/** One rule and whether the password meets it, for the live checklist. */
export interface PasswordRuleResult {
  id: PasswordRuleId;
  met: boolean;
  /** The number in the rule's text (`{{count}}` characters), where there is one. */
  count?: number;
}

/** The outcome of checking a password against a policy. */
export interface PasswordCheck {
  ok: boolean;
  rules: PasswordRuleResult[];
}

// The most common passwords that would otherwise pass a shape-only policy, plus the
// most common bases: compared case-insensitively after stripping digits and symbols at
// the ends, so "Password123!" and "P@ssw0rd" are both caught.
const COMMON_BASES = new Set([
  "password",
  "passw0rd",
  "p@ssw0rd",
  "p@ssword",
  "pa$$word",
  "qwerty",
  "qwertz",
  "azerty",
  "letmein",
  "welcome",
  "admin",
  "administrator",
  "iloveyou",
  "monkey",
  "dragon",
  "football",
  "baseball",
  "sunshine",
  "princess",
  "master",
  "shadow",
  "superman",
  "batman",
  "trustno1",
  "abc",
  "abcd",
  "abcdef",
  "abcdefg",
  "qwertyuiop",
  "asdfgh",
  "asdfghjkl",
  "zxcvbnm",
  "changeme",
  "secret",
  "login",
  "hello",
  "freedom",
  "whatever",
  "starwars",
  "summer",
  "winter",
  "spring",
  "autumn",
  "michael",
  "jennifer",
  "charlie",
  "liverpool",
  "chelsea",
  "arsenal",
  "computer",
  "internet",
  "test",
  "tester",
  "testing",
  "guest",
  "default",
  "company",
  "office",
  "temp",
  "temporary",
  "newpassword",
  "mypassword",
  "passwort",
  "hallo",
  "willkommen",
  "schalke",
  "fussball",
  "qwerty123",
  "1q2w3e4r",
  "1qaz2wsx",
]);
const COMMON_EXACT = new Set([
  "123456",
  "12345678",
  "123456789",
  "1234567890",
  "111111",
  "000000",
  "123123",
  "654321",
  "password1!",
  "password123!",
  "p@ssw0rd1",
  "welcome1!",
  "welcome123!",
  "qwerty123!",
  "admin123!",
  "letmein1!",
  "changeme1!",
  "summer2024!",
  "winter2024!",
  "summer2025!",
  "winter2025!",
  "summer2026!",
  "winter2026!",
  "aa123456!",
  "abc123!",
  "abcd1234!",
]);

/** Whether a password is one of the most common ones or a trivial variant of one. */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (COMMON_EXACT.has(lower)) return true;
  const base = lower.replace(/^[^a-z@$]+|[^a-z]+$/g, "");
  return base.length > 0 && COMMON_BASES.has(base);
}

/**
 * R-PWD-01: checks a password and reports every rule, so a form can tick each one live.
 * @example evaluatePassword("weak").rules.filter((r) => !r.met)
 */
export function evaluatePassword(
  password: string,
  policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY,
): PasswordCheck {
  const length = [...password].length;
  const rules: PasswordRuleResult[] = [
    { id: "minLength", met: length >= policy.minLength, count: policy.minLength },
  ];
  if (policy.requireUppercase) rules.push({ id: "uppercase", met: /\p{Lu}/u.test(password) });
  if (policy.requireLowercase) rules.push({ id: "lowercase", met: /\p{Ll}/u.test(password) });
  if (policy.requireDigit) rules.push({ id: "digit", met: /\p{Nd}/u.test(password) });
  if (policy.requireSymbol)
    rules.push({ id: "symbol", met: /[^\p{L}\p{Nd}\s]|\s/u.test(password) });
  if (policy.rejectCommon)
    rules.push({ id: "notCommon", met: password.length > 0 && !isCommonPassword(password) });
  rules.push({ id: "maxLength", met: length <= policy.maxLength, count: policy.maxLength });
  return { ok: rules.every((rule) => rule.met), rules };
}
