/**
 * The services built over one store, each given only the stores it uses. The one place that
 * wires stores into services; `openRuntime` and the tests both build them here.
 */
import { createAdvanceService } from '../alerts/advance.service.ts';
import { createAlertService } from '../alerts/alert.service.ts';
import { alertStore } from '../alerts/alert.store.ts';
import { createFactsGatherer } from '../alerts/approval-facts.service.ts';
import { approvalFactsStore } from '../alerts/approval-facts.store.ts';
import { createRuleBookHolder } from '../alerts/rule-book.holder.ts';
import { createRuleCenterService } from '../alerts/rule-center.service.ts';
import { ruleVersionStore } from '../alerts/rule-version.store.ts';
import { createAssignmentService } from '../assignment/assignment.service.ts';
import { assignmentStore } from '../assignment/assignment.store.ts';
import { createAuditService } from '../audit/audit.service.ts';
import { auditStore } from '../audit/audit.store.ts';
import { createAuthService } from '../auth/auth.service.ts';
import { secretStore } from '../auth/secret.store.ts';
import { sessionStore } from '../auth/session.store.ts';
import { userStore } from '../auth/user.store.ts';
import type { Db } from '../db/db.ts';
import { createImportService } from '../import/import.service.ts';
import { createLinkReviewService } from '../linking/link-review.service.ts';
import { linkReviewStore } from '../linking/link-review.store.ts';
import { createLinkingService, type LinkingDeps } from '../linking/linking.service.ts';
import { linkingStore } from '../linking/linking.store.ts';
import { outboxStore } from '../outbox/outbox.store.ts';
import { projectNumbering } from '../projects/project-no.service.ts';
import { createProjectAliasService } from '../projects/project-alias.service.ts';
import { projectAliasStore } from '../projects/project-alias.store.ts';
import { projectStore } from '../projects/project.store.ts';
import { projectSummaryStore } from '../projects/project-summary.store.ts';
import { createProjectService } from '../projects/project.service.ts';
import { createReadingService } from '../reading/reading.service.ts';
import { readingStore } from '../reading/reading.store.ts';
import { recommendStore } from '../recommend/recommend.store.ts';
import { resourceStore } from '../resources/resource.store.ts';
import { createInsightService } from '../insight/insight.service.ts';
import { insightResultStore } from '../insight/insight-result.store.ts';
import { insightRunStore } from '../insight/insight-run.store.ts';
import { insightSourceStore } from '../insight/insight-source.store.ts';
import { createStatsDrillService } from '../stats/stats-drill.service.ts';
import { statsDrillStore } from '../stats/stats-drill.store.ts';
import { createStatsProjection } from '../stats/stats-projection.service.ts';
import { statsProjectionStore } from '../stats/stats-projection.store.ts';
import { createStatsService } from '../stats/stats.service.ts';
import { statsStore } from '../stats/stats.store.ts';
import { markStepWithOutbox } from '../stats/step-outbox.ts';

export function createServices(db: Db, opts: Pick<LinkingDeps, 'findMentions'> & { sessionHours?: number; now?: () => Date } = {}) {
  // Approvals under the rules: one rule book per process (rebuilt when a version is published), one clock.
  const now = opts.now ?? (() => new Date());
  const rules = createRuleBookHolder({ db, versions: ruleVersionStore });
  const gather = createFactsGatherer({ store: approvalFactsStore, now });
  // A step advance moves is a change of its approval: an outbox row in the same transaction, so the statistics follow it.
  const stepAlerts = { ...alertStore, markStep: markStepWithOutbox(alertStore.markStep, { outbox: outboxStore, approvals: statsProjectionStore }) };
  const advance = createAdvanceService({ db, facts: approvalFactsStore, gather, alerts: stepAlerts, audit: auditStore, rules, now });
  return {
    advance,
    assignment: createAssignmentService({ db, store: assignmentStore, recommend: recommendStore }),
    alerts: createAlertService({ db, store: alertStore, facts: approvalFactsStore, audit: auditStore }),
    ruleCenter: createRuleCenterService({ db, rules, versions: ruleVersionStore, facts: approvalFactsStore, gather, alerts: alertStore, advance, audit: auditStore, now }),
    auth: createAuthService({ db, users: userStore, sessions: sessionStore, secrets: secretStore, audit: auditStore, sessionHours: opts.sessionHours }),
    linking: createLinkingService({ db, store: linkingStore, outbox: outboxStore, findMentions: opts.findMentions }),
    links: createLinkReviewService({ db, store: linkReviewStore, outbox: outboxStore, audit: auditStore }),
    imports: createImportService({ db, resources: resourceStore, outbox: outboxStore, audit: auditStore, projectNos: projectNumbering, secrets: secretStore }),
    aliases: createProjectAliasService({ db, store: projectAliasStore, outbox: outboxStore, audit: auditStore }),
    projects: createProjectService({ db, projects: projectStore, summaries: projectSummaryStore }),
    audit: createAuditService({ db, store: auditStore }),
    reading: createReadingService({ db, reading: readingStore, resources: resourceStore, audit: auditStore, secrets: secretStore }),
    insight: createInsightService({ db, source: insightSourceStore, runs: insightRunStore, results: insightResultStore }),
    stats: createStatsService({ db, store: statsStore, now }),
    statsDrill: createStatsDrillService({ db, store: statsDrillStore, figures: statsStore, now }),
    statsProjection: createStatsProjection({ db, store: statsProjectionStore, now }),
  };
}

export type Services = ReturnType<typeof createServices>;
