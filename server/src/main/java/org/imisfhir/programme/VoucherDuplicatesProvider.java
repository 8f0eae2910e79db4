package org.imisfhir.programme;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.app.ImisOperationProvider;
import org.imisfhir.outcome.ErrorCode;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.outcome.Messages;
import org.imisfhir.programme.rules.ProgrammeAccessRule;
import org.imisfhir.programme.rules.VoucherReview;
import org.imisfhir.security.CurrentUser;
import org.imisfhir.security.DistrictScopeInterceptor;
import org.imisfhir.security.ImisUser;
import org.imisfhir.security.ResourceVisibility;
import org.imisfhir.security.SecurityViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code Basic/$voucher-duplicates}: the duplicate and suspicious vouchers of the duplicate-management SOP
 * ({@link VoucherReview}), for a programme, an import and a range of days, as Parameters or a CSV table. It reads
 * only. What it is computed from is what the caller may see: a user limited to programmes gets their programmes'
 * vouchers and imports, and claims hidden from the caller (another programme's, sensitive data, outside their
 * districts or facility) are left out.
 */
@Component
public class VoucherDuplicatesProvider implements ImisOperationProvider {

	private static final Logger log = LoggerFactory.getLogger(VoucherDuplicatesProvider.class);

	private final VoucherDuplicatesReader reader;
	private final Programmes programmes;
	private final ObjectProvider<ResourceVisibility> visibility;
	private final DistrictScopeInterceptor districtScope;

	public VoucherDuplicatesProvider(VoucherDuplicatesReader reader, Programmes programmes,
			ObjectProvider<ResourceVisibility> visibility, DistrictScopeInterceptor districtScope) {
		this.reader = reader;
		this.programmes = programmes;
		this.visibility = visibility;
		this.districtScope = districtScope;
	}

	@Operation(name = "$voucher-duplicates", type = Basic.class, idempotent = true)
	public IBaseResource voucherDuplicates(
			@OperationParam(name = "programme", min = 0, max = 1) StringType programme,
			@OperationParam(name = "import", min = 0, max = 1) StringType importId,
			@OperationParam(name = "from", min = 0, max = 1) StringType from,
			@OperationParam(name = "to", min = 0, max = 1) StringType to,
			@OperationParam(name = "format", min = 0, max = 1) StringType format,
			RequestDetails request) {
		Locale locale = Messages.negotiate(request.getHeader("Accept-Language"));
		boolean csv = csv(format, request);
		String code = text(programme);
		String onlyImport = text(importId);
		LocalDate first = day(from);
		LocalDate last = day(to);
		if (first != null && last != null && first.isAfter(last)) {
			throw new ImisRuleException(ErrorCode.INVALID_REQUEST, ProgrammeViolation.VOUCHER_LIST_DATE_INVALID,
					from.getValue() + ".." + to.getValue());
		}
		ImisUser user = CurrentUser.get().orElse(null);
		List<String> assigned = user == null ? List.of() : user.programmes();
		if (code != null && !ProgrammeAccessRule.allowed(assigned, Set.of(code))) {
			throw new ImisRuleException(ErrorCode.FORBIDDEN, SecurityViolation.PROGRAMME_NOT_ASSIGNED,
					user.username(), assigned, "Basic/$voucher-duplicates", code);
		}

		long started = System.nanoTime();
		VoucherDuplicatesReader.Recorded recorded = reader.imports();
		List<VoucherDuplicatesReader.Import> imports = recorded.imports().stream()
				.filter(imported -> ProgrammeAccessRule.allowed(assigned, programmeOf(imported.programme()))).toList();
		if (code != null && programmes.idOf(code).isEmpty()
				&& imports.stream().noneMatch(imported -> code.equalsIgnoreCase(String.valueOf(imported.programme())))) {
			throw new ImisRuleException(ErrorCode.INVALID_REQUEST, ProgrammeViolation.VOUCHER_LIST_PROGRAMME_UNKNOWN, code);
		}
		if (onlyImport != null && imports.stream()
				.noneMatch(imported -> onlyImport.equals(imported.importId()) || onlyImport.equals(imported.recordId()))) {
			throw new ImisRuleException(ErrorCode.INVALID_REQUEST, ProgrammeViolation.VOUCHER_LIST_IMPORT_UNKNOWN, onlyImport);
		}
		List<VoucherReview.ImportRow> rows = recorded.rows().stream()
				.filter(row -> ProgrammeAccessRule.allowed(assigned, programmeOf(row.programme()))).toList();
		List<VoucherReview.Voucher> vouchers = reader.vouchers().stream()
				.filter(voucher -> ProgrammeAccessRule.allowed(assigned, programmeOf(voucher.programme()))).toList();
		VoucherReview.Selection selection = new VoucherReview.Selection(code, onlyImport, first, last);
		List<VoucherReview.ClaimFact> claims = reader.claimsWithCodes(
				VoucherReview.selectedNumbers(rows, vouchers, selection), visibleTo(user));
		VoucherReview.Result result = VoucherReview.review(rows, vouchers, claims, selection);
		log.info("Voucher duplicates listed for {}: {} duplicate number(s), {} suspicious voucher(s) in {} ms",
				selection, result.duplicates().size(), result.suspects().size(), (System.nanoTime() - started) / 1_000_000);

		if (csv) {
			Binary table = new Binary();
			table.setContentType("text/csv");
			table.setData(VoucherDuplicatesAnswer.csv(result, locale).getBytes(StandardCharsets.UTF_8));
			return table;
		}
		return VoucherDuplicatesAnswer.parameters(result, locale);
	}

	/** The answer as CSV: format=csv, or no format and a caller asking for text/csv ({@code _format} or Accept). */
	private static boolean csv(StringType format, RequestDetails request) {
		String form = text(format);
		if (form != null) {
			form = form.toLowerCase(Locale.ROOT);
			if (!form.equals("fhir") && !form.equals("csv")) {
				throw new ImisRuleException(ErrorCode.INVALID_REQUEST, ProgrammeViolation.VOUCHER_LIST_FORMAT_UNKNOWN, format.getValue());
			}
			return form.equals("csv");
		}
		String[] asked = request.getParameters() == null ? null : request.getParameters().get("_format");
		if (asked != null && asked.length > 0 && asked[0] != null) {
			return asked[0].toLowerCase(Locale.ROOT).contains("csv");
		}
		String accept = request.getHeader("Accept");
		return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
	}

	/** Whether the caller may see a resource: in their districts or facility, and let through by every visibility rule. */
	private Predicate<IBaseResource> visibleTo(ImisUser user) {
		if (user == null) {
			return resource -> true;
		}
		List<ResourceVisibility> limiting = visibility.orderedStream().filter(rule -> rule.limits(user)).toList();
		return resource -> districtScope.visibleTo(user, resource)
				&& limiting.stream().allMatch(rule -> rule.visible(user, resource));
	}

	private static Set<String> programmeOf(String code) {
		return code == null || code.isBlank() ? Set.of() : Set.of(code);
	}

	private static LocalDate day(StringType value) {
		String text = text(value);
		if (text == null) {
			return null;
		}
		try {
			if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
				return LocalDate.parse(text);
			}
		} catch (DateTimeParseException invalid) {
			// refused below
		}
		throw new ImisRuleException(ErrorCode.INVALID_REQUEST, ProgrammeViolation.VOUCHER_LIST_DATE_INVALID, text);
	}

	private static String text(StringType value) {
		return value == null || value.isEmpty() || value.getValue().isBlank() ? null : value.getValue().trim();
	}
}
