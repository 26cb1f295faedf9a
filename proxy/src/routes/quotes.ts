/**
 * Cost and delivery time: `GET /api/v1/tariff`, `/api/v1/delivery`, and `/api/v1/quote` (both at
 * once, what the widget's card asks for). The query is validated by the schema below, which also
 * feeds /openapi.json; checks that need two fields (a weight within the service's limit, COD within
 * the declared value) follow in `toRequest`. With `config=<id>` the answer is priced by that saved
 * configuration's rules, and only its allowed sites may ask (configs/origin-policy.ts).
 */
import type {
  FastifyPluginAsync,
  FastifyReply,
  FastifyRequest,
  preValidationHookHandler,
} from 'fastify';
import type { PricingRules } from '#core/pricing-rules';
import type { QuoteQuery } from '#core/quote';
import { CONFIG_ID_SOURCE } from '#core/widget-config';
import { guardRead, readableProblem } from '../configs/origin-policy';
import { HttpProblem } from '../errors';
import type { QuoteRequest } from '../quotes/quote-request';
import { SentAnswers } from '../quotes/sent-answers';
import { MAIL_SERVICES, SERVICE_SPECS } from '../quotes/services';

const MAX_WEIGHT = Math.max(...Object.values(SERVICE_SPECS).map((s) => s.maxWeight));
const MAX_MONEY = 100_000_000;

const postalCode = (who: string) =>
  ({
    type: 'string',
    pattern: '^\\d{6}$',
    description: `the ${who}'s six-digit postal code`,
  }) as const;
const money = (what: string) =>
  ({
    type: 'number',
    minimum: 0,
    maximum: MAX_MONEY,
    default: 0,
    description: `${what} in rubles, from 0 to ${MAX_MONEY}`,
  }) as const;
const centimetres = {
  type: 'integer',
  minimum: 1,
  maximum: 300,
  description: 'centimetres, a whole number from 1 to 300',
} as const;

/** The query of the three routes, `QuoteQuery` in core; it also feeds /openapi.json. */
export const quoteQuerySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to', 'weight'],
  properties: {
    from: postalCode('sender'),
    to: postalCode('recipient (the branch)'),
    weight: {
      type: 'integer',
      minimum: 1,
      maximum: MAX_WEIGHT,
      description: `grams, a whole number from 1 to ${MAX_WEIGHT}`,
    },
    service: {
      type: 'string',
      enum: [...MAIL_SERVICES],
      default: 'parcel-online',
      description: `one of ${MAIL_SERVICES.join(', ')}`,
    },
    value: money('declared value'),
    cod: money('cash on delivery'),
    order: {
      type: 'number',
      minimum: 0,
      maximum: MAX_MONEY,
      description: `order total in rubles, from 0 to ${MAX_MONEY}, for free shipping; default: value`,
    },
    length: centimetres,
    width: centimetres,
    height: centimetres,
    config: {
      type: 'string',
      pattern: `^${CONFIG_ID_SOURCE}$`,
      description:
        "a saved configuration's id (12 lower-case letters and digits): its pricing rules apply",
    },
  },
} as const;

function toRequest(q: QuoteQuery, date: string): QuoteRequest {
  const spec = SERVICE_SPECS[q.service];
  if (q.weight > spec.maxWeight) {
    throw new HttpProblem(
      400,
      'invalid-parameter',
      `${q.weight} g is over the ${spec.maxWeight} g limit of ${q.service}.`,
      {
        errors: [
          {
            field: 'query.weight',
            message: `must be at most ${spec.maxWeight} g for ${q.service} (${spec.title})`,
          },
        ],
      },
    );
  }
  if (q.cod > q.value) {
    throw new HttpProblem(
      400,
      'invalid-parameter',
      `Cash on delivery (${q.cod}) exceeds the declared value (${q.value}).`,
      {
        errors: [
          {
            field: 'query.cod',
            message: 'must not exceed value: Russian Post collects at most the declared value',
          },
        ],
      },
    );
  }
  const dims = [q.length, q.width, q.height];
  if (dims.some((d) => d !== undefined) && dims.some((d) => d === undefined)) {
    throw new HttpProblem(
      400,
      'invalid-parameter',
      'A package size needs length, width and height together.',
      {
        errors: [{ field: 'query.length', message: 'length, width and height go together' }],
      },
    );
  }
  return {
    from: q.from,
    to: q.to,
    weight: q.weight,
    service: q.service,
    value: q.value,
    cod: q.cod,
    order: q.order ?? q.value,
    ...(q.length ? { size: { length: q.length, width: q.width!, height: q.height! } } : {}),
    date,
  };
}

const moneySchema = {
  type: 'object',
  properties: { amount: { type: 'number' }, currency: { type: 'string' }, vat: { type: 'number' } },
  required: ['amount', 'currency'],
} as const;
const provenance = {
  source: {
    type: 'string',
    enum: ['pochta', 'estimate'],
    description: 'pochta: Russian Post answered; estimate: the shop’s rate table',
  },
  stale: { type: 'boolean', description: 'an older answer, served because Russian Post failed' },
  answeredAt: { type: 'string', format: 'date-time' },
  service: { type: 'string' },
} as const;
const costSchema = { cost: moneySchema, carrierCost: moneySchema } as const;
const deliverySchema = {
  delivery: {
    type: 'object',
    properties: {
      minDays: { type: 'integer' },
      maxDays: { type: 'integer' },
      deadline: { type: 'string' },
    },
    required: ['minDays', 'maxDays'],
  },
} as const;
/** Response schemas document the answers and let Fastify serialise them fast. */
const responses = {
  tariff: { type: 'object', properties: { ...provenance, ...costSchema } },
  delivery: { type: 'object', properties: { ...provenance, ...deliverySchema } },
  quote: { type: 'object', properties: { ...provenance, ...costSchema, ...deliverySchema } },
} as const;

/** What Fastify sends JSON as; a body serialised ahead is sent with it. */
const JSON_TYPE = 'application/json; charset=utf-8';

/** Clients may keep a quote five minutes; prices change by the day. */
const QUOTE_CACHE = 'public, max-age=300';

/** Sends a quote serialised ahead (by the route's serialiser, or kept as sent). */
const sendQuote = (reply: FastifyReply, body: string) =>
  reply.header('cache-control', QUOTE_CACHE).type(JSON_TYPE).send(body);

/** The quote routes; they read `app.quotes`. */
export const quoteRoutes: FastifyPluginAsync = async (app) => {
  const { quotes, configs } = app;
  /** A saved configuration's pricing, when the page that asks is one of its sites (else a 403/404). */
  const pricingOf = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
  ): Promise<PricingRules> => {
    readableProblem(request, reply);
    const entry = await configs.get(id, 'query.config');
    guardRead(request, reply, entry);
    return entry.pricing;
  };
  const schema = { querystring: quoteQuerySchema };
  const route = <T>(
    path: keyof typeof responses,
    summary: string,
    answer: (r: QuoteRequest, pricing: PricingRules | undefined) => Promise<T>,
    /** The answer at once when the cache has it fresh in memory (no pricing of a saved configuration). */
    fresh?: (r: QuoteRequest) => { answer: T; freshUntil: number } | undefined,
  ) => {
    const slow = async (
      request: FastifyRequest<{ Querystring: QuoteQuery }>,
      reply: FastifyReply,
      asked?: QuoteRequest,
    ) => {
      const { query } = request;
      const pricing =
        query.config === undefined ? undefined : await pricingOf(request, reply, query.config);
      const result = await answer(asked ?? toRequest(query, quotes.today()), pricing);
      reply.header('cache-control', QUOTE_CACHE);
      return { service: query.service, ...result };
    };
    // The fresh path, and its answers as sent, by URL (quotes/sent-answers.ts).
    const hot = fresh && { fresh, sent: new SentAnswers(quotes.now) };
    /**
     * A URL answered before from fresh answers is answered again before its query is validated:
     * the same URL is the same query, as valid as it was then. Skipping the validation (coercing,
     * defaults, patterns) and the handler's first steps saves about 0.5 µs of CPU of the 19 a
     * cached quote took (builds with and without, side by side). A `preValidation` hook, so that
     * every `onRequest` hook (the rate limit among them) has run.
     */
    const answerAgain: preValidationHookHandler | undefined =
      hot &&
      ((request, reply, next) => {
        const body = hot.sent.get(request.url, quotes.today());
        if (body === undefined) return next();
        quotes.countFreshQuote();
        sendQuote(reply, body);
      });
    app.get<{ Querystring: QuoteQuery }>(
      `/${path}`,
      {
        schema: { ...schema, summary, response: { 200: responses[path] } },
        ...(answerAgain ? { preValidation: answerAgain } : {}),
      },
      // Not async: a quote held fresh in memory (the hot path) is answered without a promise.
      (request, reply) => {
        const { query } = request;
        if (query.config !== undefined || !hot) return slow(request, reply);
        const date = quotes.today();
        const asked = toRequest(query, date);
        const now = hot.fresh(asked);
        if (now === undefined) return slow(request, reply, asked);
        // The route's own serialiser (the response schema) makes a string.
        const body = reply.serialize({ service: query.service, ...now.answer }) as string;
        hot.sent.set(request.url, date, now.freshUntil, body);
        return sendQuote(reply, body);
      },
    );
  };

  route(
    'tariff',
    'Cost of the parcel, in rubles with VAT, after the shop’s pricing rules',
    (r, pricing) => quotes.tariff(r, pricing),
  );
  route(
    'delivery',
    'Delivery time of the parcel in days, with the control deadline',
    (r, pricing) => quotes.delivery(r, pricing),
  );
  route(
    'quote',
    'Cost and delivery time at once',
    (r, pricing) => quotes.quote(r, pricing),
    (r) => quotes.quoteIfFresh(r),
  );
};
