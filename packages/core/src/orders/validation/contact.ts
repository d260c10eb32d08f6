/** RFC-ish: something@domain.tld, no spaces, one @. */
export function isWellFormedEmail(email: string): boolean {
  return email.length <= 254 && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)*\.[A-Za-z]{2,}$/.test(email.trim());
}

/** E.164-ish: an optional +, then 6 to 15 digits not starting with 0 after the +; spaces, dashes, dots and brackets allowed. */
export function isWellFormedPhone(phone: string): boolean {
  const text = phone.trim();
  if (!/^\+?[\d\s\-().]+$/.test(text)) return false;
  const digits = text.replace(/\D/g, "");
  if (digits.length < 6 || digits.length > 15) return false;
  return !(text.startsWith("+") && digits.startsWith("0"));
}
