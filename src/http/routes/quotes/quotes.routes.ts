import { Quote, QuoteRequest } from '../../../../schemas/quotes.ts';
import { defineRoute, problemResponse } from '../../route.ts';

export const createQuoteRoute = defineRoute(
  ['operator'],
  {
    method: 'post',
    path: '/v1/quotes',
    tags: ['Quotes'],
    summary: 'Quote a conversion for a contribution or a benefit',
    description:
      'Prices a conversion between the home jurisdiction and a partner: reference rate (its source, date, age and basis), applied rate, fees, both amounts and the expected execution and value dates. A manual rate in force for the corridor takes precedence over the ECB rate; a published rate older than the corridor accepts is refused with `fx_rate_stale`. Give exactly one of `sourceAmount` and `targetAmount`. A quote is single use and valid until `expiresAt`.',
    request: { body: { required: true, content: { 'application/json': { schema: QuoteRequest } } } },
    responses: {
      201: { description: 'The quote.', content: { 'application/json': { schema: Quote } } },
      422: problemResponse(
        'Not possible for this corridor: `jurisdiction_unknown`, `corridor_unsupported`, `fx_rate_unavailable`, `fx_rate_stale`, `calendar_not_covered` or `amount_out_of_range`.',
      ),
    },
  },
  { partners: true },
);
