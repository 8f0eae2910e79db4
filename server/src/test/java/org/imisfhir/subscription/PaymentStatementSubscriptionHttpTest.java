package org.imisfhir.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Date;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.PaymentReconciliation;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.support.Fixtures;
import org.junit.jupiter.api.Test;

/** A facility's accounting system is told when a payment statement (PaymentReconciliation) is issued to it. */
class PaymentStatementSubscriptionHttpTest extends SubscriptionHttpTestBase {

	@Test
	void aStatementIssuedToTheFacilityIsDeliveredAndOneToAnotherFacilityIsNot() throws Exception {
		String facility = client.create().resource(Fixtures.facility(unique("HF"), "Subscribing dispensary", "D", "Location/loc-r1d1"))
				.execute().getId().toUnqualifiedVersionless().getValue();
		String other = client.create().resource(Fixtures.facility(unique("HF"), "Other dispensary", "D", "Location/loc-r1d1"))
				.execute().getId().toUnqualifiedVersionless().getValue();
		TestSubscriber.Hook accounting = subscriber.hook();
		subscribe(restHook("PaymentReconciliation?requestor=" + facility + "&status=active", accounting.url(), "application/fhir+xml"));

		client.create().resource(statement(other, "1000.00")).execute();
		String issued = client.create().resource(statement(facility, "16100.00")).execute().getId().getIdPart();

		TestSubscriber.Delivery delivery = accounting.await(d -> d.path().endsWith("/PaymentReconciliation/" + issued),
				TestSubscriber.patience());
		assertThat(delivery.header("Content-Type")).startsWith("application/fhir+xml");
		PaymentReconciliation delivered = fhirContext.newXmlParser().parseResource(PaymentReconciliation.class, delivery.body());
		assertThat(delivered.getRequestor().getReference()).isEqualTo(facility);
		assertThat(delivered.getPaymentAmount().getValue()).isEqualByComparingTo("16100.00");
		assertThat(accounting.attempts()).allMatch(d -> d.path().endsWith("/PaymentReconciliation/" + issued));
	}

	/** A statement as the batch run issues it (PaymentStatements): active, complete, to the facility. */
	private static PaymentReconciliation statement(String facility, String amount) {
		PaymentReconciliation statement = new PaymentReconciliation();
		statement.setStatus(PaymentReconciliation.PaymentReconciliationStatus.ACTIVE);
		statement.setCreated(new Date());
		statement.setPaymentDate(new Date());
		statement.setRequestor(new Reference(facility));
		statement.setOutcome(Enumerations.RemittanceOutcome.COMPLETE);
		statement.setPaymentAmount(new Money().setValue(new BigDecimal(amount)).setCurrency("XAF"));
		return statement;
	}
}
