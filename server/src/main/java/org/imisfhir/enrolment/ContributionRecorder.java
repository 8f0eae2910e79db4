package org.imisfhir.enrolment;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.PaymentNotice;
import org.imisfhir.enrolment.rules.ActivationOption;
import org.imisfhir.enrolment.rules.Contribution;
import org.imisfhir.enrolment.rules.ContributionAction;
import org.imisfhir.enrolment.rules.ContributionActivation;
import org.imisfhir.enrolment.rules.ContributionOutcome;
import org.imisfhir.enrolment.rules.PolicyPayments;
import org.imisfhir.enrolment.rules.PolicyStatus;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.registry.product.InsurancePlanMapper;

/**
 * Records a contribution (a PaymentNotice on a policy) and applies openIMIS's activation rule in the same
 * transaction: the policy becomes active (or ready) when the contributions reach its value, with effective date
 * max(pay date, start); a refused contribution (after the last date for payment, beyond the product's maximum
 * number of installments, not positive) writes nothing. Warnings are kept on the contribution. A historical
 * write ({@link HistoricalWrite}: the openIMIS migration) stores the contribution as it was, policy untouched.
 */
@Interceptor
public class ContributionRecorder {

	public static final String CONTRIBUTION_PROFILE = "https://imis-fhir.org/fhir/StructureDefinition/imis-contribution";
	public static final String CONTRIBUTION_DETAILS = "https://imis-fhir.org/fhir/StructureDefinition/contribution-details";

	private final DaoRegistry daoRegistry;
	private final ProductLookup products;
	private final ContributionActivation activation;

	public ContributionRecorder(DaoRegistry daoRegistry, ProductLookup products, ActivationOption option) {
		this.daoRegistry = daoRegistry;
		this.products = products;
		this.activation = new ContributionActivation(option);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void beforeCreate(IBaseResource resource, RequestDetails request) {
		if (resource instanceof PaymentNotice notice && notice.getMeta().hasProfile(CONTRIBUTION_PROFILE)
				&& !HistoricalWrite.isHistorical(request)) {
			record(notice);
		}
	}

	void record(PaymentNotice notice) {
		Coverage policy = readPolicy(notice);
		Extension details = policy.getExtensionByUrl(PolicyBuilder.POLICY_DETAILS);
		BigDecimal value = ((Money) details.getExtensionByUrl("value").getValue()).getValue();
		Optional<LocalDate> lastDate = Optional.ofNullable(details.getExtensionByUrl("lastPaymentDate"))
				.map(e -> LocalDate.parse(e.getValue().primitiveValue()));
		int maxInstallments = InsurancePlanMapper.toProduct(products.find(policy.getClass_().get(0).getValue()))
				.enrolmentTerms().maxInstallments();
		BigDecimal earlier = BigDecimal.ZERO;
		int count = 0;
		SearchParameterMap onPolicy = SearchParameterMap.newSynchronous(
				"request", new ReferenceParam("Coverage/" + policy.getIdElement().getIdPart()));
		for (IBaseResource found : daoRegistry.getResourceDao(PaymentNotice.class)
				.search(onPolicy, new SystemRequestDetails()).getAllResources()) {
			earlier = earlier.add(((PaymentNotice) found).getAmount().getValue());
			count++;
		}
		PolicyPayments payments = new PolicyPayments(value, earlier, count, PolicyBuilder.openImisStatus(policy),
				LocalDate.parse(policy.getPeriod().getStartElement().getValueAsString()), lastDate, maxInstallments);
		LocalDate payDate = LocalDate.parse(notice.getPaymentDateElement().getValueAsString());
		ContributionOutcome outcome = activation.apply(
				payments, new Contribution(notice.getAmount().getValue(), payDate), actionOf(notice));
		outcome.refusal().ifPresent(refusal -> {
			throw ImisRuleException.businessRule(EnrolmentViolation.of(refusal), notice.getAmount().getValue().toPlainString(), payDate);
		});
		Extension contributionDetails = notice.getExtensionByUrl(CONTRIBUTION_DETAILS);
		if (contributionDetails == null) {
			contributionDetails = notice.addExtension().setUrl(CONTRIBUTION_DETAILS);
		}
		for (var warning : outcome.warnings()) {
			contributionDetails.addExtension("warning", new CodeType(warning.name().toLowerCase().replace('_', '-')));
		}
		if (outcome.status() != PolicyBuilder.openImisStatus(policy) || outcome.effectiveDate().isPresent()) {
			applyStatus(policy, outcome);
			daoRegistry.getResourceDao(Coverage.class).update(policy, new SystemRequestDetails());
		}
	}

	private Coverage readPolicy(PaymentNotice notice) {
		try {
			Coverage policy = daoRegistry.getResourceDao(Coverage.class)
					.read(notice.getRequest().getReferenceElement().toUnqualifiedVersionless(), new SystemRequestDetails());
			if (policy != null && policy.getExtensionByUrl(PolicyBuilder.POLICY_DETAILS) != null) {
				return policy;
			}
		} catch (ResourceNotFoundException | IllegalArgumentException e) {
			// reported below
		}
		throw ImisRuleException.businessRule(EnrolmentViolation.CONTRIBUTION_POLICY_UNKNOWN, String.valueOf(notice.getRequest().getReference()));
	}

	private static ContributionAction actionOf(PaymentNotice notice) {
		Extension details = notice.getExtensionByUrl(CONTRIBUTION_DETAILS);
		Extension action = details == null ? null : details.getExtensionByUrl("action");
		if (action == null) {
			return ContributionAction.NORMAL;
		}
		return ContributionAction.valueOf(action.getValue().primitiveValue().toUpperCase());
	}

	private static void applyStatus(Coverage policy, ContributionOutcome outcome) {
		PolicyStatus status = outcome.status();
		PolicyBuilder.setOpenImisStatus(policy, status);
		policy.setStatus(switch (status) {
			case ACTIVE, EXPIRED -> Coverage.CoverageStatus.ACTIVE;
			case SUSPENDED -> Coverage.CoverageStatus.CANCELLED;
			case IDLE, READY -> Coverage.CoverageStatus.DRAFT;
		});
		Extension details = policy.getExtensionByUrl(PolicyBuilder.POLICY_DETAILS);
		outcome.effectiveDate().ifPresent(date -> {
			details.getExtension().removeIf(e -> "effectiveDate".equals(e.getUrl()));
			details.addExtension("effectiveDate", new DateType(date.toString()));
		});
	}
}
