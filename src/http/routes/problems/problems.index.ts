import { ERROR_CATALOGUE, ERROR_CODES, GatewayError, isErrorCode } from '../../../core/errors.ts';
import { createRouter } from '../../route.ts';
import { problemTypeRoute, problemTypesRoute } from './problems.routes.ts';

const describe = (code: keyof typeof ERROR_CATALOGUE) => ({ code, ...ERROR_CATALOGUE[code] });

export const problemsRouter = createRouter()
  .openapi(problemTypesRoute, (c) => c.json(ERROR_CODES.map(describe), 200))
  .openapi(problemTypeRoute, (c) => {
    const { code } = c.req.valid('param');
    if (!isErrorCode(code)) throw new GatewayError('not_found', 'No problem type with this code.');
    return c.json(describe(code), 200);
  });
