package org.imisfhir.registry.product;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.InsurancePlan;

/** Products for tests, copied from the demo scheme (demo/30-products.json) so they stay valid. */
final class ProductFixtures {

	static final String FIXED_CYCLE = "prod-fcul0001";
	static final String PER_MEMBER = "prod-pmta0001";
	static final String RELATIVE = "prod-rpna0001";

	private static final FhirContext FHIR = FhirContext.forR4Cached();

	private ProductFixtures() {}

	/** The demo product with that id, as stored in the demo file. */
	static InsurancePlan demo(String id) {
		return fromFile("/demo/30-products.json", id);
	}

	/** A product of the Cameroon package's demo (demo/countries/cm/40-programme-products.json). */
	static InsurancePlan cameroon(String id) {
		return fromFile("/demo/countries/cm/40-programme-products.json", id);
	}

	private static InsurancePlan fromFile(String file, String id) {
		try (InputStream in = ProductFixtures.class.getResourceAsStream(file)) {
			Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, new String(in.readAllBytes(), StandardCharsets.UTF_8));
			return bundle.getEntry().stream()
					.filter(entry -> entry.getResource() instanceof InsurancePlan)
					.map(entry -> (InsurancePlan) entry.getResource())
					.filter(plan -> plan.getIdElement().getIdPart().equals(id))
					.findFirst()
					.orElseThrow();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A copy of a demo product without id, under another code. */
	static InsurancePlan copyOf(String id, String code) {
		InsurancePlan plan = demo(id).copy();
		plan.setId((String) null);
		plan.getIdentifierFirstRep().setValue(code);
		return plan;
	}
}
