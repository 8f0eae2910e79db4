package org.imisfhir.enrolment;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InsurancePlan;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.app.ImisProperties;
import org.imisfhir.enrolment.rules.PolicyStatus;
import org.imisfhir.outcome.ImisRuleException;

/**
 * Completes a policy sent in the openIMIS IG's Coverage shape (declaring {@code …/openimis-coverage}, without our
 * {@code policy-details}) so that it is one of ours: the IG's two {@code coverage-date} extensions are, in this order,
 * the enrolment date and the effective date; the product is {@code class.value} (product code); the family is the
 * policy holder's; value, stage and last payment date are quoted by {@link PolicyQuoter} as for {@code Group/$enrol};
 * the openIMIS status follows {@code Coverage.status} (draft idle, active active, cancelled suspended). The client's
 * period and the IG's extensions are kept, so a read answers what was sent plus ours.
 */
@Interceptor
public class IgCoverageCompleter {

	static final String IG_COVERAGE_PROFILE = "https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-coverage";
	static final String COVERAGE_DATE = "https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/coverage-date";
	/** After the IG shapes are normalised (order -100), before profiles are enforced (order 0). */
	static final int ORDER = -50;

	private final DaoRegistry daoRegistry;
	private final ProductLookup products;
	private final PolicyQuoter quoter;
	private final ImisProperties properties;

	public IgCoverageCompleter(DaoRegistry daoRegistry, ProductLookup products, PolicyQuoter quoter, ImisProperties properties) {
		this.daoRegistry = daoRegistry;
		this.products = products;
		this.quoter = quoter;
		this.properties = properties;
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = ORDER)
	public void beforeCreate(IBaseResource resource) {
		if (resource instanceof Coverage coverage && needsCompleting(coverage)) {
			complete(coverage);
		}
	}

	static boolean needsCompleting(Coverage coverage) {
		return coverage.getMeta().hasProfile(IG_COVERAGE_PROFILE) && coverage.getExtensionByUrl(PolicyBuilder.POLICY_DETAILS) == null;
	}

	void complete(Coverage coverage) {
		List<Extension> dates = coverage.getExtensionsByUrl(COVERAGE_DATE);
		LocalDate enrolDate = dates.isEmpty() ? LocalDate.now() : LocalDate.parse(((DateType) dates.get(0).getValue()).getValueAsString());
		String effectiveDate = dates.size() > 1 ? ((DateType) dates.get(1).getValue()).getValueAsString() : null;
		InsurancePlan plan = products.find(coverage.getClass_FirstRep().getValue());
		Patient holder = read(Patient.class, coverage.getPolicyHolder());
		Extension familyReference = holder.getExtensionByUrl(EnrolmentProfiles.GROUP_REFERENCE);
		if (familyReference == null) {
			throw ImisRuleException.businessRule(EnrolmentViolation.FAMILY_MEMBER_MISSING, coverage.getPolicyHolder().getReference());
		}
		Reference familyRef = (Reference) familyReference.getValue();
		Group family = read(Group.class, familyRef);
		List<Patient> members = new ArrayList<>();
		for (Group.GroupMemberComponent member : family.getMember()) {
			members.add(read(Patient.class, member.getEntity()));
		}
		PolicyQuoter.Quote quote = quoter.quote(plan, enrolDate, members);
		String familyCode = family.getIdentifier().stream()
				.filter(i -> EnrolmentProfiles.FAMILY_CODE_SYSTEM.equals(i.getSystem())).map(i -> i.getValue())
				.findFirst().orElse(family.getIdElement().getIdPart());

		Extension details = coverage.addExtension().setUrl(PolicyBuilder.POLICY_DETAILS);
		details.addExtension("family", new Reference("Group/" + family.getIdElement().getIdPart()));
		details.addExtension("stage", new CodeType(quote.stage()));
		details.addExtension("enrolDate", new DateType(enrolDate.toString()));
		if (effectiveDate != null) {
			details.addExtension("effectiveDate", new DateType(effectiveDate));
		}
		details.addExtension("value", PolicyBuilder.money(quote.value().value(), properties.getEnrolment().getCurrency()));
		quote.dates().lastDateForPayment().ifPresent(d -> details.addExtension("lastPaymentDate", new DateType(d.toString())));
		if (coverage.getExtensionByUrl(PolicyBuilder.POLICY_STATUS) == null) {
			PolicyBuilder.setOpenImisStatus(coverage, statusOf(coverage.getStatus()));
		}
		if (coverage.getIdentifier().stream().noneMatch(i -> PolicyBuilder.POLICY_KEY_SYSTEM.equals(i.getSystem()))) {
			coverage.addIdentifier().setSystem(PolicyBuilder.POLICY_KEY_SYSTEM).setValue(PolicyBuilder.key(familyCode, quote));
		}
		if (!coverage.hasPeriod()) {
			coverage.getPeriod().setStartElement(new org.hl7.fhir.r4.model.DateTimeType(quote.dates().startDate().toString()))
					.setEndElement(new org.hl7.fhir.r4.model.DateTimeType(quote.dates().expiryDate().toString()));
		}
		if (!coverage.hasBeneficiary()) {
			coverage.setBeneficiary(coverage.getPolicyHolder().copy());
		}
	}

	/** openIMIS back end's mapping read backwards (1 draft, 2 active, 4 cancelled). */
	static PolicyStatus statusOf(Coverage.CoverageStatus status) {
		if (status == null) {
			return PolicyStatus.IDLE;
		}
		return switch (status) {
			case ACTIVE -> PolicyStatus.ACTIVE;
			case CANCELLED -> PolicyStatus.SUSPENDED;
			default -> PolicyStatus.IDLE;
		};
	}

	private <T extends IBaseResource> T read(Class<T> type, Reference reference) {
		if (reference == null || !reference.hasReference()) {
			throw ImisRuleException.businessRule(EnrolmentViolation.FAMILY_MEMBER_MISSING, "");
		}
		try {
			return daoRegistry.getResourceDao(type).read(new IdType(reference.getReference()), new SystemRequestDetails());
		} catch (ResourceNotFoundException | ResourceGoneException e) {
			throw ImisRuleException.businessRule(EnrolmentViolation.FAMILY_MEMBER_MISSING, reference.getReference());
		}
	}
}
