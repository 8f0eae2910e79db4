package org.imisfhir.migration.rules;

import java.util.List;

/** The result of importing one export: a report per table read, and the reconciliation figures. */
public record ImportReport(String database, List<TableReport> tables, List<Reconciliation.Figure> reconciliation, long millis) {

	public int rows() {
		return tables.stream().mapToInt(TableReport::read).sum();
	}

	public boolean reconciled() {
		return reconciliation.stream().allMatch(Reconciliation.Figure::equal);
	}
}
