package org.imisfhir.enrolment;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.imisfhir.enrolment.rules.RenewalOfficer;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InsurancePlan;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.app.ImisOperationProvider;
import org.imisfhir.app.ImisProperties;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.registry.product.InsurancePlanMapper;
import org.springframework.stereotype.Component;

/**
 * {@code Coverage/[id]/$renew}: a renewal (stage R) of a policy for the family's current members, on the
 * product's conversion product when it has one, with the renewal discount and grace period; idle until paid. The
 * officer is the previous policy's (or the one given), replaced through the substitution chain when they no longer
 * work on the renewal date; the renewal's warning flags are kept in policy-details.renewalWarnings.
 */
@Component
public class RenewalProvider implements ImisOperationProvider {

	private static final String SUBSTITUTE =
			"https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/practitioner-role-substitution-reference";

	private final DaoRegistry daoRegistry;
	private final ProductLookup products;
	private final PolicyQuoter quoter;
	private final String currency;

	public RenewalProvider(
			DaoRegistry daoRegistry, ProductLookup products, PolicyQuoter quoter, ImisProperties properties) {
		this.daoRegistry = daoRegistry;
		this.products = products;
		this.quoter = quoter;
		this.currency = properties.getEnrolment().getCurrency();
	}

	@Operation(name = "$renew", type = Coverage.class)
	public Coverage renew(
			@IdParam IdType policyId,
			@OperationParam(name = "enrolDate", max = 1) DateType enrolDate,
			@OperationParam(name = "product", max = 1) StringType product,
			@OperationParam(name = "officer", max = 1) Reference officer,
			RequestDetails request) {
		Coverage previous = daoRegistry.getResourceDao(Coverage.class).read(policyId.toUnqualifiedVersionless(), request);
		Extension details = previous.getExtensionByUrl(PolicyBuilder.POLICY_DETAILS);
		if (details == null) {
			throw ImisRuleException.businessRule(EnrolmentViolation.CONTRIBUTION_POLICY_UNKNOWN, policyId.getValue());
		}
		Reference familyReference = (Reference) details.getExtensionByUrl("family").getValue();
		Group family = daoRegistry.getResourceDao(Group.class)
				.read(familyReference.getReferenceElement().toUnqualifiedVersionless(), new SystemRequestDetails());
		InsurancePlan plan = renewalProduct(previous, product);
		LocalDate date = PolicyQuoter.dateOrToday(enrolDate);
		LocalDate previousExpiry = LocalDate.parse(previous.getPeriod().getEndElement().getValueAsString());
		PolicyQuoter.Quote quote = quoter.quoteRenewal(plan, date, previousExpiry, currentMembers(family));
		refuseWhenAlreadyRenewed(familyReference, quote, LocalDate.parse(previous.getPeriod().getStartElement().getValueAsString()));
		String familyCode = family.getIdentifier().stream()
				.filter(i -> EnrolmentProfiles.FAMILY_CODE_SYSTEM.equals(i.getSystem()))
				.map(i -> i.getValue())
				.findFirst()
				.orElse(family.getIdElement().getIdPart());
		RenewalOfficer.Result chain = RenewalOfficer.resolve(officerId(officer != null ? officer : officerOf(details)),
				this::officer, date, validOn(plan, date));
		Coverage renewal = PolicyBuilder.newPolicy(quote, familyCode,
				new Reference("Group/" + family.getIdElement().getIdPart()), previous.getPolicyHolder(),
				chain.officerId() == null ? null : new Reference(chain.officerId()), currency);
		if (!chain.warnings().isEmpty()) {
			renewal.getExtensionByUrl(PolicyBuilder.POLICY_DETAILS).addExtension("renewalWarnings", new IntegerType(chain.flags()));
		}
		IdType created = (IdType) daoRegistry.getResourceDao(Coverage.class).create(renewal, request).getId();
		return daoRegistry.getResourceDao(Coverage.class).read(created.toUnqualifiedVersionless(), request);
	}

	private InsurancePlan renewalProduct(Coverage previous, StringType requested) {
		if (requested != null && !requested.isEmpty()) {
			return products.find(requested.getValue());
		}
		InsurancePlan current = products.find(previous.getClass_().get(0).getValue());
		String conversion = InsurancePlanMapper.toProduct(current).conversion();
		return conversion == null || conversion.isBlank() ? current : products.find(conversion);
	}

	private List<Patient> currentMembers(Group family) {
		List<Patient> members = new ArrayList<>();
		for (Group.GroupMemberComponent member : family.getMember()) {
			if (!member.getInactive()) {
				members.add(daoRegistry.getResourceDao(Patient.class)
						.read(member.getEntity().getReferenceElement().toUnqualifiedVersionless(), new SystemRequestDetails()));
			}
		}
		return members;
	}

	/** No renewal when the family already has a following policy on that product (starting after the renewed one). */
	private void refuseWhenAlreadyRenewed(Reference family, PolicyQuoter.Quote quote, LocalDate previousStart) {
		SearchParameterMap ofFamily = SearchParameterMap.newSynchronous("family", new ReferenceParam(family.getReference()));
		for (IBaseResource found : daoRegistry.getResourceDao(Coverage.class).search(ofFamily, new SystemRequestDetails()).getAllResources()) {
			Coverage other = (Coverage) found;
			boolean sameProduct = other.getClass_().stream().anyMatch(c -> quote.productCode().equals(c.getValue()));
			LocalDate start = LocalDate.parse(other.getPeriod().getStartElement().getValueAsString());
			if (sameProduct && start.isAfter(previousStart)) {
				throw ImisRuleException.conflict(EnrolmentViolation.RENEWAL_EXISTS, other.getIdElement().toUnqualifiedVersionless().getValue());
			}
		}
	}

	private static String officerId(Reference officer) {
		return officer == null || !officer.hasReference() ? null : officer.getReferenceElement().toUnqualifiedVersionless().getValue();
	}

	private static boolean validOn(InsurancePlan plan, LocalDate date) {
		return !plan.hasPeriod() || !plan.getPeriod().hasEnd()
				|| !LocalDate.parse(plan.getPeriod().getEndElement().getValueAsString().substring(0, 10)).isBefore(date);
	}

	/**
	 * An enrolment officer for the substitution chain, from their assignment (PractitionerRole): its works-to date
	 * (period.end) and substitute. A Practitioner is read through their enrolment officer's assignment.
	 */
	private java.util.Optional<RenewalOfficer.Officer> officer(String reference) {
		try {
			IdType id = new IdType(reference);
			PractitionerRole role;
			if ("PractitionerRole".equals(id.getResourceType())) {
				role = daoRegistry.getResourceDao(PractitionerRole.class).read(id, new SystemRequestDetails());
			} else {
				List<IBaseResource> roles = daoRegistry.getResourceDao(PractitionerRole.class).search(
						SearchParameterMap.newSynchronous("practitioner", new ReferenceParam(reference)), new SystemRequestDetails())
						.getResources(0, 1);
				if (roles.isEmpty()) {
					daoRegistry.getResourceDao(Practitioner.class).read(id, new SystemRequestDetails());
					return java.util.Optional.of(new RenewalOfficer.Officer(reference, null, null));
				}
				role = (PractitionerRole) roles.get(0);
			}
			LocalDate worksTo = role.hasPeriod() && role.getPeriod().hasEnd()
					? LocalDate.parse(role.getPeriod().getEndElement().getValueAsString().substring(0, 10)) : null;
			Extension substitute = role.getExtensionByUrl(SUBSTITUTE);
			String substituteId = substitute != null && substitute.getValue() instanceof Reference ref && ref.hasReference()
					? ref.getReferenceElement().toUnqualifiedVersionless().getValue() : null;
			return java.util.Optional.of(new RenewalOfficer.Officer(reference, worksTo, substituteId));
		} catch (ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException | ca.uhn.fhir.rest.server.exceptions.ResourceGoneException e) {
			return java.util.Optional.empty();
		}
	}

	private static Reference officerOf(Extension details) {
		Extension officer = details.getExtensionByUrl("officer");
		return officer == null ? null : (Reference) officer.getValue();
	}
}
