/**
 * Numbers must be finite, on every route, without each schema saying so. Ajv coerces `1e400` and
 * `Infinity` in a query to ±Infinity and then lets them through `minimum` and `maximum` (found by
 * probing: `nearby?limit=1e400` answered with the whole network; Ajv skips number keywords for
 * anything not `isFinite`). So every `number` and `integer`
 * in every route's schema gets the `finite` keyword, added when the route is declared.
 */
import type { Ajv, ErrorObject } from 'ajv';
import type { FastifyInstance, RouteOptions } from 'fastify';

/** The parts of a request a route's schema validates. */
const PARTS = ['querystring', 'params', 'body', 'headers'] as const;

type Schema = Record<string, unknown>;

const isNumeric = (type: unknown): boolean =>
  type === 'number' ||
  type === 'integer' ||
  (Array.isArray(type) && type.some((t) => t === 'number' || t === 'integer'));

/** Marks every number in a JSON schema as `finite`, through properties, items and combinators. */
export function requireFinite(schema: unknown): void {
  if (typeof schema !== 'object' || schema === null) return;
  if (Array.isArray(schema)) {
    for (const s of schema) requireFinite(s);
    return;
  }
  const s = schema as Schema;
  if (isNumeric(s.type)) s.finite = true;
  for (const key of ['properties', 'patternProperties', 'definitions', '$defs'] as const)
    if (typeof s[key] === 'object' && s[key] !== null)
      for (const child of Object.values(s[key] as Schema)) requireFinite(child);
  for (const key of ['items', 'additionalProperties', 'not', 'anyOf', 'oneOf', 'allOf'] as const)
    requireFinite(s[key]);
}

/** The Ajv keyword itself: `finite: true` refuses ±Infinity and NaN. */
export function finiteKeyword(ajv: Ajv): Ajv {
  const validate = Object.assign(
    (want: boolean, data: unknown): boolean => {
      if (!want || typeof data !== 'number' || Number.isFinite(data)) return true;
      validate.errors = [{ keyword: 'finite', message: 'must be a finite number', params: {} }];
      return false;
    },
    { errors: undefined as Partial<ErrorObject>[] | undefined },
  );
  // No `type: 'number'`: Ajv runs number keywords only on finite numbers, which is the bug itself.
  ajv.addKeyword({ keyword: 'finite', schemaType: 'boolean', validate });
  return ajv;
}

/** Adds `finite` to the schema of every route declared after this call, in every context. */
export function finiteNumbersEverywhere(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const schema = route.schema;
    for (const part of PARTS) requireFinite(schema?.[part]);
  });
}
