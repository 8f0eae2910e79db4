package org.imisfhir.registry.catalogue;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.app.ImisOperationProvider;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.outcome.Messages;
import org.imisfhir.registry.catalogue.rules.CatalogueViolation;
import org.imisfhir.registry.catalogue.rules.RowOutcome;
import org.imisfhir.registry.catalogue.rules.RowReport;
import org.springframework.stereotype.Component;

/**
 * {@code POST /fhir/$import-catalogue}: services, items or price lists from CSV ({@code kind} + {@code csv}) or
 * from a Bundle ({@code bundle}); answers a Parameters with the counts and one {@code row} per row. See
 * OperationDefinition import-catalogue and docs/registries/catalogue.md.
 */
@Component
public class CatalogueImportProvider implements ImisOperationProvider {

	private final CatalogueImporter importer;

	public CatalogueImportProvider(CatalogueImporter importer) {
		this.importer = importer;
	}

	@Operation(name = "$import-catalogue", idempotent = false)
	public Parameters importCatalogue(
			@OperationParam(name = "kind", min = 0, max = 1) CodeType kind,
			@OperationParam(name = "csv", min = 0, max = 1) StringType csv,
			@OperationParam(name = "bundle", min = 0, max = 1) Bundle bundle,
			@OperationParam(name = "report", min = 0, max = 1) CodeType report,
			RequestDetails request) {
		Locale locale = Messages.negotiate(request.getHeader("Accept-Language"));
		List<RowReport> rows;
		if (bundle != null) {
			rows = importer.importBundle(bundle, locale);
		} else if (csv != null && kind != null) {
			rows = switch (kind.getValue()) {
				case "service" -> importer.importServices(csv.getValue(), locale);
				case "item" -> importer.importItems(csv.getValue(), locale);
				case "price-list" -> importer.importPriceLists(csv.getValue(), locale);
				default -> throw ImisRuleException.businessRule(CatalogueViolation.IMPORT_FORMAT,
						"kind must be service, item or price-list, not " + kind.getValue());
			};
		} else {
			throw ImisRuleException.businessRule(CatalogueViolation.IMPORT_FORMAT,
					"give either a bundle, or a kind (service, item, price-list) and a csv");
		}
		boolean refusedOnly = report != null && "refused".equals(report.getValue());
		return answer(rows, refusedOnly);
	}

	static Parameters answer(List<RowReport> rows, boolean refusedOnly) {
		Parameters out = new Parameters();
		for (RowOutcome outcome : RowOutcome.values()) {
			out.addParameter().setName(outcome.code()).setValue(new IntegerType(rows.stream().filter(r -> r.outcome() == outcome).count()));
		}
		for (RowReport row : rows) {
			if (refusedOnly && row.outcome() != RowOutcome.REFUSED) {
				continue;
			}
			Parameters.ParametersParameterComponent part = out.addParameter().setName("row");
			part.addPart().setName("line").setValue(new IntegerType(row.line()));
			part.addPart().setName("code").setValue(new StringType(row.code()));
			part.addPart().setName("outcome").setValue(new CodeType(row.outcome().code()));
			if (row.resource() != null) {
				part.addPart().setName("resource").setValue(new StringType(row.resource()));
			}
			if (row.reason() != null) {
				part.addPart().setName("reason").setValue(new StringType(row.reason()));
			}
		}
		return out;
	}
}
