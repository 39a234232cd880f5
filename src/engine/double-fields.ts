/**
 * V8 chooses how an object field holds a number from the first value stored
 * in it: a whole number is kept as a small integer, and the first fraction
 * stored later widens the field. Widening retires the object's hidden class,
 * which deoptimizes every function compiled against it, and state that holds
 * only whole numbers during burn-in (money that only flows once the platform
 * opens) is widened just when the run starts to be recorded. State whose
 * numbers will hold fractions is therefore made with them held as doubles from
 * the start; the values stay the same.
 */
export function withDoubleFields<T extends object>(o: T): T {
  const fields = o as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (typeof value !== 'number' || !Number.isInteger(value)) continue;
    fields[key] = 0.5; // a fraction: the field now holds doubles
    fields[key] = value;
  }
  return o;
}
