package org.imisfhir.enrolment;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.app.ImisOperationProvider;
import org.imisfhir.app.ImisProperties;
import org.imisfhir.outcome.ImisRuleException;
import org.springframework.stereotype.Component;

/**
 * {@code InsurancePlan/$quote}: the value and dates a new policy on a product would have for a family,
 * without writing anything.
 */
@Component
public class QuoteProvider implements ImisOperationProvider {

	private final ProductLookup products;
	private final PolicyQuoter quoter;
	private final String currency;

	public QuoteProvider(ProductLookup products, PolicyQuoter quoter, ImisProperties properties) {
		this.products = products;
		this.quoter = quoter;
		this.currency = properties.getEnrolment().getCurrency();
	}

	@Operation(name = "$quote", type = org.hl7.fhir.r4.model.InsurancePlan.class, idempotent = false)
	public Parameters quoteByCode(
			@OperationParam(name = "product", min = 1, max = 1) StringType product,
			@OperationParam(name = "enrolDate", max = 1) DateType enrolDate,
			@OperationParam(name = "member", min = 1, max = OperationParam.MAX_UNLIMITED) List<Patient> members) {
		return quote(product == null ? null : product.getValue(), enrolDate, members);
	}

	@Operation(name = "$quote", type = org.hl7.fhir.r4.model.InsurancePlan.class, idempotent = false)
	public Parameters quoteInstance(
			@IdParam IdType product,
			@OperationParam(name = "enrolDate", max = 1) DateType enrolDate,
			@OperationParam(name = "member", min = 1, max = OperationParam.MAX_UNLIMITED) List<Patient> members) {
		return quote("InsurancePlan/" + product.getIdPart(), enrolDate, members);
	}

	private Parameters quote(String product, DateType enrolDate, List<Patient> members) {
		if (members == null || members.isEmpty()) {
			throw ImisRuleException.businessRule(EnrolmentViolation.QUOTE_MEMBERS_REQUIRED);
		}
		LocalDate date = PolicyQuoter.dateOrToday(enrolDate);
		PolicyQuoter.Quote quote = quoter.quote(products.find(product), date, members);
		Parameters result = new Parameters();
		result.addParameter("product", new StringType(quote.productCode()));
		result.addParameter("enrolDate", new DateType(quote.enrolDate().toString()));
		result.addParameter("startDate", new DateType(quote.dates().startDate().toString()));
		result.addParameter("expiryDate", new DateType(quote.dates().expiryDate().toString()));
		quote.dates().lastDateForPayment().ifPresent(d -> result.addParameter("lastPaymentDate", new DateType(d.toString())));
		result.addParameter().setName("value").setValue(PolicyBuilder.money(quote.value().value(), currency));
		result.addParameter().setName("contribution").setValue(PolicyBuilder.money(quote.value().contribution(), currency));
		result.addParameter().setName("generalAssembly").setValue(PolicyBuilder.money(quote.value().generalAssembly(), currency));
		result.addParameter().setName("registration").setValue(PolicyBuilder.money(quote.value().registration(), currency));
		result.addParameter().setName("discount").setValue(PolicyBuilder.money(quote.value().discount(), currency));
		result.addParameter("membersCounted", new IntegerType(quote.value().membersCounted()));
		result.addParameter("membersCharged", new IntegerType(quote.value().membersCharged()));
		result.addParameter("exceedsMaxMembers", new BooleanType(quote.value().exceedsMaxMembers()));
		return result;
	}
}
