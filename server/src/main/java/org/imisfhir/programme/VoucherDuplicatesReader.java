package org.imisfhir.programme;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.claim.ClaimProfiles;
import org.imisfhir.claim.ClaimReader;
import org.imisfhir.hmis.HmisFactsReader;
import org.imisfhir.programme.rules.VoucherReview;
import org.imisfhir.programme.rules.VoucherStatus;
import org.springframework.stereotype.Component;

/**
 * Reads what the listing of duplicate and suspicious vouchers is computed from, through HAPI's DAOs as the server:
 * the voucher-import records with their rows, the vouchers (whether the policy that used each still exists), and
 * the claims whose code is one of some voucher numbers.
 */
@Component
public class VoucherDuplicatesReader {

	/** Values searched together in one OR list. */
	static final int CHUNK = 100;

	private final DaoRegistry daos;

	public VoucherDuplicatesReader(DaoRegistry daos) {
		this.daos = daos;
	}

	/** One recorded import: its record id, import id, programme and day. */
	public record Import(String recordId, String importId, String programme, LocalDate day) {}

	/** The recorded imports, oldest first, and the rows they kept, import by import in line order. */
	public record Recorded(List<Import> imports, List<VoucherReview.ImportRow> rows) {}

	public Recorded imports() {
		List<Basic> records = new ArrayList<>();
		for (IBaseResource found : basics(VoucherImports.KIND)) {
			if (found instanceof Basic record && VoucherImports.isRecord(record)) {
				records.add(record);
			}
		}
		records.sort(Comparator.comparing((Basic record) -> VoucherImports.part(record, "at").orElse(""))
				.thenComparing(record -> record.getIdElement().getIdPart()));
		List<Import> imports = new ArrayList<>();
		List<VoucherReview.ImportRow> rows = new ArrayList<>();
		for (Basic record : records) {
			Extension at = record.getExtensionByUrl(VoucherImports.EXTENSION).getExtensionByUrl("at");
			Import imported = new Import(record.getIdElement().getIdPart(), VoucherImports.part(record, "importId").orElse(""),
					VoucherImports.part(record, "programme").orElse(null),
					at != null && at.getValue() instanceof BaseDateTimeType value ? HmisFactsReader.date(value) : null);
			imports.add(imported);
			for (VoucherImports.Row row : VoucherImports.rows(record)) {
				rows.add(new VoucherReview.ImportRow(imported.recordId(), imported.importId(), imported.programme(),
						imported.day(), row.line(), row.number(), row.status(), row.outcome(),
						VoucherStatus.parse(row.found()).orElse(null)));
			}
		}
		return new Recorded(imports, rows);
	}

	/** Every stored voucher, with whether the policy that used it (if any) still exists. */
	public List<VoucherReview.Voucher> vouchers() {
		List<Basic> vouchers = new ArrayList<>();
		for (IBaseResource found : basics("voucher")) {
			if (found instanceof Basic voucher && Vouchers.isVoucher(voucher) && Vouchers.number(voucher).isPresent()) {
				vouchers.add(voucher);
			}
		}
		Set<String> existingPolicies = existing(vouchers.stream().map(VoucherDuplicatesReader::usedBy)
				.filter(reference -> reference != null && reference.startsWith("Coverage/"))
				.map(reference -> reference.substring("Coverage/".length())).distinct().toList());
		List<VoucherReview.Voucher> facts = new ArrayList<>();
		for (Basic voucher : vouchers) {
			Extension details = voucher.getExtensionByUrl(Vouchers.DETAILS);
			List<VoucherReview.StatusChange> history = new ArrayList<>();
			for (Extension change : voucher.getExtensionsByUrl(Vouchers.STATUS_CHANGE)) {
				Extension at = change.getExtensionByUrl("at");
				history.add(new VoucherReview.StatusChange(VoucherStatus.parse(text(change, "status")).orElse(null),
						at != null && at.getValue() instanceof BaseDateTimeType value ? HmisFactsReader.date(value) : null));
			}
			String usedBy = usedBy(voucher);
			facts.add(new VoucherReview.Voucher(voucher.getIdElement().getIdPart(), Vouchers.number(voucher).get(),
					text(details, "programme"), Vouchers.status(voucher), text(details, "importId"), usedBy,
					usedBy != null && usedBy.startsWith("Coverage/") && existingPolicies.contains(usedBy.substring("Coverage/".length())),
					history));
		}
		return facts;
	}

	/** The claims whose code (identifier of the claim-code system) is one of these numbers and that pass {@code visible}. */
	public List<VoucherReview.ClaimFact> claimsWithCodes(Collection<String> numbers, Predicate<IBaseResource> visible) {
		List<String> codes = List.copyOf(numbers);
		List<VoucherReview.ClaimFact> claims = new ArrayList<>();
		for (int from = 0; from < codes.size(); from += CHUNK) {
			TokenOrListParam anyOf = new TokenOrListParam();
			codes.subList(from, Math.min(codes.size(), from + CHUNK))
					.forEach(code -> anyOf.addOr(new TokenParam(ClaimProfiles.CLAIM_CODE_SYSTEM, code)));
			for (IBaseResource found : search(Claim.class, SearchParameterMap.newSynchronous().add(Claim.SP_IDENTIFIER, anyOf))) {
				Claim claim = (Claim) found;
				if (visible.test(claim)) {
					claims.add(new VoucherReview.ClaimFact("Claim/" + claim.getIdElement().getIdPart(), ClaimReader.code(claim),
							claim.getPatient().hasReference() ? claim.getPatient().getReferenceElement().toUnqualifiedVersionless().getValue() : null));
				}
			}
		}
		return claims;
	}

	/** The ids among these of the policies that exist. */
	private Set<String> existing(List<String> policyIds) {
		Set<String> existing = new HashSet<>();
		for (int from = 0; from < policyIds.size(); from += CHUNK) {
			TokenOrListParam anyOf = new TokenOrListParam();
			policyIds.subList(from, Math.min(policyIds.size(), from + CHUNK)).forEach(id -> anyOf.addOr(new TokenParam(id)));
			for (IBaseResource found : search(Coverage.class, SearchParameterMap.newSynchronous().add("_id", anyOf))) {
				existing.add(found.getIdElement().getIdPart());
			}
		}
		return existing;
	}

	private static String usedBy(Basic voucher) {
		Extension details = voucher.getExtensionByUrl(Vouchers.DETAILS);
		Extension usedBy = details == null ? null : details.getExtensionByUrl("usedBy");
		return usedBy != null && usedBy.getValue() instanceof Reference reference && reference.hasReference()
				? reference.getReferenceElement().toUnqualifiedVersionless().getValue() : null;
	}

	private static String text(Extension extension, String part) {
		Extension value = extension == null ? null : extension.getExtensionByUrl(part);
		return value == null || value.getValue() == null ? null : value.getValue().primitiveValue();
	}

	private List<IBaseResource> basics(String kind) {
		return search(Basic.class, SearchParameterMap.newSynchronous("code", new TokenParam(Vouchers.KIND_SYSTEM, kind)));
	}

	private List<IBaseResource> search(Class<? extends IBaseResource> type, SearchParameterMap map) {
		return daos.getResourceDao(type).search(map, new SystemRequestDetails()).getAllResources();
	}
}
