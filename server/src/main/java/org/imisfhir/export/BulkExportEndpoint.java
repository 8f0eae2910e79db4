package org.imisfhir.export;

import ca.uhn.fhir.batch2.jobs.export.BulkDataExportProvider;
import java.util.List;

/**
 * What the FHIR endpoint registers for bulk export: HAPI's own {@code $export} / {@code $export-poll-status}
 * provider (Batch2 job writing NDJSON Binary files) and the interceptors limiting it to the caller.
 */
public record BulkExportEndpoint(BulkDataExportProvider provider, List<Object> interceptors) {}
