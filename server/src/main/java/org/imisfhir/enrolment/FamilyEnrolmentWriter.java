package org.imisfhir.enrolment;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.app.ImisProperties;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.programme.ProgrammeViolation;
import org.imisfhir.programme.VoucherLedger;
import org.springframework.stereotype.Component;

/**
 * Writes one family enrolment in one transaction: the members (conditional on their insurance numbers), the
 * family (conditional on its code, the head's number) and optionally a new policy with its value and dates and
 * the voucher it uses. Answers what is stored, also when it already existed.
 */
@Component
public class FamilyEnrolmentWriter {

	private final IFhirSystemDao<Bundle, Meta> systemDao;
	private final DaoRegistry daoRegistry;
	private final ProductLookup products;
	private final PolicyQuoter quoter;
	private final String currency;
	private final VoucherLedger vouchers;

	public FamilyEnrolmentWriter(
			IFhirSystemDao<Bundle, Meta> systemDao,
			DaoRegistry daoRegistry,
			ProductLookup products,
			PolicyQuoter quoter,
			ImisProperties properties,
			VoucherLedger vouchers) {
		this.systemDao = systemDao;
		this.daoRegistry = daoRegistry;
		this.products = products;
		this.quoter = quoter;
		this.currency = properties.getEnrolment().getCurrency();
		this.vouchers = vouchers;
	}

	/** The outcome of a write: what is stored, and whether anything was created. */
	public record Written(Bundle stored, boolean created) {}

	/**
	 * @param members the insurees in registration order, exactly one flagged head, each with an insurance number
	 */
	public Written write(
			Group family, List<Patient> members, StringType product, DateType enrolDate, Reference officer, StringType voucher,
			RequestDetails request) {
		Patient head = members.stream().filter(InsureeRecords::isHead).findFirst().orElseThrow();
		PolicyQuoter.Quote quote = null;
		if (product != null && !product.isEmpty()) {
			LocalDate date = PolicyQuoter.dateOrToday(enrolDate);
			quote = quoter.quote(products.find(product.getValue()), date, members);
		}
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		String familyUrn = "urn:uuid:" + UUID.randomUUID();
		List<String> memberUrns = new ArrayList<>();
		for (Patient member : members) {
			String number = InsureeRecords.insuranceNumber(member).orElseThrow(() -> ImisRuleException.businessRule(
					EnrolmentViolation.INSURANCE_NUMBER_MISSING, EnrolmentProfiles.INSURANCE_NUMBER_SYSTEM));
			prepareMember(member, familyUrn);
			String urn = "urn:uuid:" + UUID.randomUUID();
			memberUrns.add(urn);
			transaction.addEntry().setFullUrl(urn).setResource(member).getRequest()
					.setMethod(Bundle.HTTPVerb.POST)
					.setUrl("Patient")
					.setIfNoneExist("identifier=" + EnrolmentProfiles.INSURANCE_NUMBER_SYSTEM + "|" + number);
		}
		String familyCode = prepareFamily(family, InsureeRecords.insuranceNumber(head).orElseThrow(), memberUrns);
		transaction.addEntry().setFullUrl(familyUrn).setResource(family).getRequest()
				.setMethod(Bundle.HTTPVerb.POST)
				.setUrl("Group")
				.setIfNoneExist("identifier=" + EnrolmentProfiles.FAMILY_CODE_SYSTEM + "|" + familyCode);
		if (quote != null) {
			String headUrn = memberUrns.get(members.indexOf(head));
			Coverage policy = PolicyBuilder.newPolicy(quote, familyCode, new Reference(familyUrn), new Reference(headUrn), officer, currency);
			String policyUrn = "urn:uuid:" + UUID.randomUUID();
			transaction.addEntry().setFullUrl(policyUrn).setResource(policy).getRequest()
					.setMethod(Bundle.HTTPVerb.POST)
					.setUrl("Coverage")
					.setIfNoneExist("identifier=" + PolicyBuilder.POLICY_KEY_SYSTEM + "|" + PolicyBuilder.key(familyCode, quote));
			if (voucher != null && !voucher.isEmpty()) {
				vouchers.consume(transaction, voucher.getValue().trim(), policyUrn, "enrolment of family " + familyCode);
			}
		} else if (voucher != null && !voucher.isEmpty()) {
			throw ImisRuleException.businessRule(ProgrammeViolation.VOUCHER_NEEDS_POLICY);
		}

		Bundle response = systemDao.transaction(request, transaction);
		boolean created = response.getEntry().stream().anyMatch(e -> e.getResponse().getStatus().startsWith("201"));
		return new Written(storedResources(response, members.size()), created);
	}

	/** The shape every enrolment has: a family and at least one member, exactly one of them head. */
	public static void checkShape(Group family, List<Patient> members) {
		if (family == null) {
			throw ImisRuleException.businessRule(EnrolmentViolation.ENROL_FAMILY_REQUIRED);
		}
		if (members == null || members.isEmpty()) {
			throw ImisRuleException.businessRule(EnrolmentViolation.ENROL_MEMBERS_REQUIRED);
		}
		long heads = members.stream().filter(InsureeRecords::isHead).count();
		if (heads != 1) {
			throw ImisRuleException.businessRule(EnrolmentViolation.FAMILY_HEAD_COUNT, heads);
		}
	}

	/** A stored family as an enrolment answers it: the family, its current members, then its policies. */
	public Bundle storedFamily(String familyId) {
		Bundle result = new Bundle().setType(Bundle.BundleType.COLLECTION);
		Group family = (Group) read("Group", "Group/" + familyId);
		result.addEntry().setResource(family);
		for (Group.GroupMemberComponent member : family.getMember()) {
			if (!member.getInactive()) {
				result.addEntry().setResource(read("Patient", member.getEntity().getReference()));
			}
		}
		SearchParameterMap policies = SearchParameterMap.newSynchronous("family", new ReferenceParam("Group/" + familyId));
		for (IBaseResource policy : daoRegistry.getResourceDao(Coverage.class).search(policies, new SystemRequestDetails()).getAllResources()) {
			result.addEntry().setResource((Resource) policy);
		}
		result.getEntry().forEach(e -> e.setFullUrl(e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart()));
		return result;
	}

	private static void prepareMember(Patient member, String familyUrn) {
		if (!member.getMeta().hasProfile(EnrolmentProfiles.INSUREE)) {
			member.getMeta().addProfile(EnrolmentProfiles.INSUREE);
		}
		member.setId((String) null);
		if (member.getExtensionByUrl(EnrolmentProfiles.IS_HEAD) == null) {
			member.addExtension(EnrolmentProfiles.IS_HEAD, new BooleanType(false));
		}
		member.getExtension().removeIf(e -> EnrolmentProfiles.GROUP_REFERENCE.equals(e.getUrl()));
		member.addExtension(EnrolmentProfiles.GROUP_REFERENCE, new Reference(familyUrn));
	}

	private static String prepareFamily(Group family, String headNumber, List<String> memberUrns) {
		if (!family.getMeta().hasProfile(EnrolmentProfiles.FAMILY)) {
			family.getMeta().addProfile(EnrolmentProfiles.FAMILY);
		}
		family.setId((String) null);
		family.setType(Group.GroupType.PERSON);
		family.setActual(true);
		String code = family.getIdentifier().stream()
				.filter(i -> EnrolmentProfiles.FAMILY_CODE_SYSTEM.equals(i.getSystem()))
				.map(i -> i.getValue())
				.findFirst()
				.orElse(null);
		if (code == null) {
			code = headNumber;
			family.addIdentifier().setSystem(EnrolmentProfiles.FAMILY_CODE_SYSTEM).setValue(code);
		}
		family.getMember().clear();
		for (String urn : memberUrns) {
			family.addMember().setEntity(new Reference(urn));
		}
		family.setQuantity(memberUrns.size());
		return code;
	}

	/** The family first, then its members, then the policy if any, as stored (also when they already existed). */
	private Bundle storedResources(Bundle transactionResponse, int memberCount) {
		Bundle result = new Bundle().setType(Bundle.BundleType.COLLECTION);
		List<Bundle.BundleEntryComponent> entries = transactionResponse.getEntry();
		result.addEntry().setResource(read("Group", entries.get(memberCount).getResponse().getLocation()));
		for (Bundle.BundleEntryComponent entry : entries.subList(0, memberCount)) {
			result.addEntry().setResource(read("Patient", entry.getResponse().getLocation()));
		}
		for (Bundle.BundleEntryComponent entry : entries.subList(memberCount + 1, entries.size())) {
			String location = entry.getResponse().getLocation();
			result.addEntry().setResource(read(new IdType(location).getResourceType(), location));
		}
		result.getEntry().forEach(e -> e.setFullUrl(e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart()));
		return result;
	}

	private Resource read(String type, String location) {
		IdType id = new IdType(location).toUnqualifiedVersionless();
		return (Resource) daoRegistry.getResourceDao(type).read(id, new SystemRequestDetails());
	}
}
