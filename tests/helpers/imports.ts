/** The import service over a test database, wired with the real stores (as the runtime wires it). */
import type { Db } from '../../services/db/db.ts';
import type { ImportOptions, ImportReport } from '../../services/import/import.service.ts';
import type { ResourceType } from '../../services/resources/resource.schema.ts';
import { createServices } from '../../services/runtime/services.ts';

export function importJsonl(db: Db, type: ResourceType, source: AsyncIterable<Uint8Array>, opts?: ImportOptions): Promise<ImportReport> {
  return createServices(db).imports.importJsonl(type, source, opts);
}
