import { createRouter } from '../../route.ts';
import {
  activateRuleSetHandler,
  getRuleSetHandler,
  jurisdictionRulesHandler,
  listRuleSetsHandler,
  proposeRuleSetHandler,
  recordDeathReportHandler,
  recordLifeCertificateHandler,
  shadowReportHandler,
  shadowRuleSetHandler,
  simulateRuleSetHandler,
  withdrawRuleSetHandler,
} from './aml.handlers.ts';
import {
  activateRuleSetRoute,
  getRuleSetRoute,
  jurisdictionRulesRoute,
  listRuleSetsRoute,
  proposeRuleSetRoute,
  recordDeathReportRoute,
  recordLifeCertificateRoute,
  shadowReportRoute,
  shadowRuleSetRoute,
  simulateRuleSetRoute,
  withdrawRuleSetRoute,
} from './aml.routes.ts';

export const amlRouter = createRouter()
  .openapi(proposeRuleSetRoute, proposeRuleSetHandler)
  .openapi(listRuleSetsRoute, listRuleSetsHandler)
  .openapi(getRuleSetRoute, getRuleSetHandler)
  .openapi(shadowRuleSetRoute, shadowRuleSetHandler)
  .openapi(shadowReportRoute, shadowReportHandler)
  .openapi(simulateRuleSetRoute, simulateRuleSetHandler)
  .openapi(activateRuleSetRoute, activateRuleSetHandler)
  .openapi(withdrawRuleSetRoute, withdrawRuleSetHandler)
  .openapi(jurisdictionRulesRoute, jurisdictionRulesHandler)
  .openapi(recordLifeCertificateRoute, recordLifeCertificateHandler)
  .openapi(recordDeathReportRoute, recordDeathReportHandler);
