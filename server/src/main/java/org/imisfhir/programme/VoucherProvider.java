package org.imisfhir.programme;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.app.ImisOperationProvider;
import org.imisfhir.audit.AuditNote;
import org.imisfhir.outcome.ErrorCode;
import org.imisfhir.security.CurrentUser;
import org.imisfhir.security.ImisUser;
import org.imisfhir.security.SecurityViolation;
import org.imisfhir.security.rules.FreshSignIn;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.outcome.Messages;
import org.imisfhir.programme.rules.VoucherImportPlanner;
import org.imisfhir.programme.rules.VoucherStatus;
import org.imisfhir.programme.rules.VoucherStatusChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Health vouchers (chèques santé): {@code Basic/$import-vouchers} loads a voucher file with a per-row report
 * and duplicate alert; {@code Basic/[id]/$set-voucher-status} is the duplicate-management status change, with
 * a mandatory reason kept in the voucher's history. Each import is recorded (VoucherImports) with its counts
 * and the rows it took, so that the duplicates it reported are kept and can be listed ($voucher-duplicates).
 */
@Component
public class VoucherProvider implements ImisOperationProvider {

	private static final Logger LOG = LoggerFactory.getLogger(VoucherProvider.class);
	private static final int CHUNK = 200;

	private final DaoRegistry daos;
	private final IFhirSystemDao<Bundle, ?> systemDao;
	private final ProgrammeProperties properties;

	public VoucherProvider(DaoRegistry daos, IFhirSystemDao<Bundle, ?> systemDao, ProgrammeProperties properties) {
		this.daos = daos;
		this.systemDao = systemDao;
		this.properties = properties;
	}

	@Operation(name = "$import-vouchers", type = Basic.class)
	public Parameters importVouchers(
			@OperationParam(name = "csv", min = 1, max = 1) StringType csv,
			@OperationParam(name = "programme", max = 1) StringType programme,
			RequestDetails request) {
		if (csv == null || csv.isEmpty()) {
			throw ImisRuleException.businessRule(ProgrammeViolation.VOUCHER_CSV_HEADER);
		}
		Locale locale = Messages.negotiate(request.getHeader("Accept-Language"));
		String programmeCode = programme == null || programme.isEmpty() ? properties.getVoucher().getDefaultProgramme() : programme.getValue();
		// the second alone would let two imports of one second share an id
		String importId = "vouchers-" + LocalDateTime.now().withNano(0) + "-" + UUID.randomUUID().toString().substring(0, 4);
		List<VoucherImportPlanner.Row> rows = rows(csv.getValue());
		Map<String, VoucherStatus> stored = stored(rows);
		VoucherImportPlanner planner = new VoucherImportPlanner(properties.getVoucher().getNumberPattern());
		List<VoucherImportPlanner.Plan> plans = planner.plan(rows, stored);

		List<VoucherImportPlanner.Plan> toCreate = plans.stream().filter(p -> p.decision() == VoucherImportPlanner.Decision.CREATE).toList();
		for (int from = 0; from < toCreate.size(); from += CHUNK) {
			Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
			for (VoucherImportPlanner.Plan plan : toCreate.subList(from, Math.min(toCreate.size(), from + CHUNK))) {
				String number = plan.row().number().trim();
				transaction.addEntry().setResource(Vouchers.voucher(number, plan.status(), programmeCode, importId))
						.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Basic")
						.setIfNoneExist("voucher-number=" + Vouchers.NUMBER_SYSTEM + "|" + number);
			}
			systemDao.transaction(new SystemRequestDetails(), transaction);
		}

		Parameters out = new Parameters();
		Map<String, Integer> counts = new HashMap<>();
		List<VoucherImports.Row> kept = new ArrayList<>();
		for (VoucherImportPlanner.Plan plan : plans) {
			String outcome = outcome(plan.decision());
			counts.merge(outcome, 1, Integer::sum);
			if (!"refused".equals(outcome)) {
				String number = plan.row().number().trim();
				VoucherStatus found = stored.get(number);
				kept.add(new VoucherImports.Row(plan.row().line(), number, plan.row().status().trim(), outcome,
						found == null ? null : found.code()));
			}
			Parameters.ParametersParameterComponent row = out.addParameter().setName("row");
			row.addPart().setName("line").setValue(new IntegerType(plan.row().line()));
			row.addPart().setName("number").setValue(new StringType(plan.row().number()));
			row.addPart().setName("outcome").setValue(new CodeType(outcome));
			String reason = reason(plan, stored, locale);
			if (reason != null) {
				row.addPart().setName("reason").setValue(new StringType(reason));
			}
		}
		int position = 0;
		for (String outcome : List.of("created", "unchanged", "duplicate", "refused")) {
			out.getParameter().add(position++, new Parameters.ParametersParameterComponent().setName(outcome)
					.setValue(new IntegerType(counts.getOrDefault(outcome, 0))));
		}
		String record = daos.getResourceDao(Basic.class).create(VoucherImports.record(importId, programmeCode, new Date(),
				CurrentUser.get().map(ImisUser::username).orElse(null), counts.getOrDefault("created", 0),
				counts.getOrDefault("unchanged", 0), counts.getOrDefault("duplicate", 0), counts.getOrDefault("refused", 0), kept),
				new SystemRequestDetails()).getId().getIdPart();
		out.getParameter().add(position++, new Parameters.ParametersParameterComponent().setName("importId")
				.setValue(new StringType(importId)));
		out.getParameter().add(position, new Parameters.ParametersParameterComponent().setName("record")
				.setValue(new Reference("Basic/" + record)));
		LOG.info("Voucher import {} ({}): {} row(s), created {}, unchanged {}, duplicates {}, refused {}", importId, programmeCode,
				plans.size(), counts.getOrDefault("created", 0), counts.getOrDefault("unchanged", 0),
				counts.getOrDefault("duplicate", 0), counts.getOrDefault("refused", 0));
		return out;
	}

	@Operation(name = "$set-voucher-status", type = Basic.class)
	public Basic setStatus(
			@IdParam IdType id,
			@OperationParam(name = "status", min = 1, max = 1) CodeType status,
			@OperationParam(name = "reason", min = 1, max = 1) StringType reason) {
		Optional<Instant> signedInAt = requireFreshSignIn("Basic/$set-voucher-status");
		Basic voucher = daos.getResourceDao(Basic.class).read(id.toUnqualifiedVersionless(), new SystemRequestDetails());
		if (!Vouchers.isVoucher(voucher)) {
			throw ImisRuleException.businessRule(ProgrammeViolation.VOUCHER_NOT_A_VOUCHER, id.getIdPart());
		}
		VoucherStatus target = VoucherStatus.parse(status == null ? null : status.getValue())
				.orElseThrow(() -> ImisRuleException.businessRule(ProgrammeViolation.VOUCHER_STATUS_UNKNOWN,
						status == null ? "" : status.getValue()));
		VoucherStatus current = Vouchers.status(voucher);
		String why = reason == null ? null : reason.getValue();
		VoucherStatusChange.check(current, target, why, Vouchers.everUsed(voucher)).ifPresent(refusal -> {
			throw ImisRuleException.businessRule(switch (refusal) {
				case REASON_REQUIRED -> ProgrammeViolation.VOUCHER_REASON_REQUIRED;
				case SAME_STATUS -> ProgrammeViolation.VOUCHER_SAME_STATUS;
				case USE_BY_ENROLMENT_ONLY -> ProgrammeViolation.VOUCHER_USE_BY_ENROLMENT_ONLY;
				case USED_NOT_NEW_AGAIN -> ProgrammeViolation.VOUCHER_USED_NOT_NEW_AGAIN;
			}, Vouchers.number(voucher).orElse(id.getIdPart()), current.code());
		});
		String by = CurrentUser.get().map(ImisUser::username).orElse(null);
		Vouchers.changeStatus(voucher, target, by, why);
		daos.getResourceDao(Basic.class).update(voucher, new SystemRequestDetails());
		String number = Vouchers.number(voucher).orElse(id.getIdPart());
		AuditNote.reason(why);
		AuditNote.detail("voucher", number + ": " + current.code() + " -> " + target.code());
		signedInAt.ifPresent(at -> AuditNote.detail("signed-in", at.toString()));
		LOG.info("Voucher {} set from {} to {} by {}: {}", number, current.code(), target.code(), by, why);
		return daos.getResourceDao(Basic.class).read(id.toUnqualifiedVersionless(), new SystemRequestDetails());
	}

	/**
	 * The step needs a sign-in at most {@code imis.programmes.voucher.reauthentication-minutes} old (the token's
	 * auth_time); otherwise 401 with the step-up challenge of RFC 9470, so that the client signs the user in again
	 * (Keycloak: {@code max_age} in the authorization request) and repeats the request.
	 */
	private Optional<Instant> requireFreshSignIn(String step) {
		int minutes = properties.getVoucher().getReauthenticationMinutes();
		Optional<Instant> signedInAt = CurrentUser.authenticatedAt();
		if (!FreshSignIn.fresh(signedInAt, Instant.now(), Duration.ofMinutes(minutes))) {
			ImisRuleException refusal = new ImisRuleException(ErrorCode.UNAUTHENTICATED,
					SecurityViolation.REAUTHENTICATION_REQUIRED, step, minutes);
			refusal.addResponseHeader("WWW-Authenticate", "Bearer error=\"insufficient_user_authentication\", "
					+ "error_description=\"" + step + " needs a sign-in at most " + minutes + " minutes old\", "
					+ "max_age=" + (minutes * 60L));
			throw refusal;
		}
		return signedInAt;
	}

	private static List<VoucherImportPlanner.Row> rows(String csv) {
		String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
		int firstLineEnd = text.indexOf('\n');
		String header = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
		char delimiter = header.contains(";") && !header.contains(",") ? ';' : ',';
		CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
				.setIgnoreEmptyLines(true).setTrim(true).build();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			String numberColumn = column(parser.getHeaderNames(), "NumCheque");
			String statusColumn = column(parser.getHeaderNames(), "ChequeStatus");
			List<VoucherImportPlanner.Row> rows = new ArrayList<>();
			for (CSVRecord record : parser.getRecords()) {
				rows.add(new VoucherImportPlanner.Row((int) record.getRecordNumber() + 1,
						record.isSet(numberColumn) ? record.get(numberColumn) : null,
						record.isSet(statusColumn) ? record.get(statusColumn) : null));
			}
			return rows;
		} catch (IOException | IllegalArgumentException | IllegalStateException e) {
			throw ImisRuleException.businessRule(ProgrammeViolation.VOUCHER_CSV_HEADER);
		}
	}

	private static String column(List<String> headers, String wanted) {
		return headers.stream().filter(h -> h.trim().equalsIgnoreCase(wanted)).findFirst()
				.orElseThrow(() -> ImisRuleException.businessRule(ProgrammeViolation.VOUCHER_CSV_HEADER));
	}

	/** The stored status of every number of the file (searched in chunks). */
	private Map<String, VoucherStatus> stored(List<VoucherImportPlanner.Row> rows) {
		Map<String, VoucherStatus> stored = new HashMap<>();
		List<String> numbers = rows.stream().map(VoucherImportPlanner.Row::number)
				.filter(n -> n != null && !n.isBlank()).map(String::trim).distinct().toList();
		for (int from = 0; from < numbers.size(); from += CHUNK) {
			TokenOrListParam any = new TokenOrListParam();
			numbers.subList(from, Math.min(numbers.size(), from + CHUNK)).forEach(n -> any.addOr(new TokenParam(Vouchers.NUMBER_SYSTEM, n)));
			for (IBaseResource found : daos.getResourceDao(Basic.class)
					.search(SearchParameterMap.newSynchronous().add("voucher-number", any), new SystemRequestDetails()).getAllResources()) {
				Basic voucher = (Basic) found;
				Vouchers.number(voucher).ifPresent(n -> stored.put(n, Vouchers.status(voucher)));
			}
		}
		return stored;
	}

	private static String outcome(VoucherImportPlanner.Decision decision) {
		return switch (decision) {
			case CREATE -> "created";
			case UNCHANGED -> "unchanged";
			case DUPLICATE_IN_FILE, DUPLICATE_IN_STORE -> "duplicate";
			case REFUSED_NUMBER, REFUSED_STATUS -> "refused";
		};
	}

	private static String reason(VoucherImportPlanner.Plan plan, Map<String, VoucherStatus> stored, Locale locale) {
		String number = plan.row().number();
		return switch (plan.decision()) {
			case DUPLICATE_IN_FILE -> Messages.text("voucher.row.duplicate-in-file", locale, number);
			case DUPLICATE_IN_STORE -> Messages.text("voucher.row.duplicate-in-store", locale, number,
					stored.get(number.trim()).code());
			case REFUSED_NUMBER -> Messages.text("voucher.row.bad-number", locale, String.valueOf(number));
			case REFUSED_STATUS -> Messages.text("voucher.row.bad-status", locale, String.valueOf(plan.row().status()));
			default -> null;
		};
	}
}
