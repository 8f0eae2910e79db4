package org.imisfhir.enrolment;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.app.ImisOperationProvider;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.outcome.Messages;
import org.imisfhir.outcome.OperationOutcomeLocaliser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Group/$sync}: what an enrolment officer's device collected offline, sent in one batch Bundle. Each entry
 * is processed on its own (its own transaction) and answered in a batch-response Bundle, in the same order:
 * an enrolment ({@code POST Group/$enrol} with the $enrol Parameters) is created (201), recognised as already
 * received (200, the same ids: re-sending a sync is harmless), refused (422) or in conflict (409) with a coded
 * reason; a change of an insuree or family ({@code PUT} with If-Match) is written (200) or, when the resource
 * changed meanwhile, a stale-version conflict (409). Nothing is ever overwritten silently.
 */
@Component
public class SyncProvider implements ImisOperationProvider {

	public static final String OUTCOME_SYSTEM = "https://imis-fhir.org/fhir/CodeSystem/sync-entry-outcome";
	private static final Logger LOG = LoggerFactory.getLogger(SyncProvider.class);

	private final OfflineEnrolments offline;
	private final IFhirSystemDao<Bundle, Meta> systemDao;
	private final DaoRegistry daos;
	private final OperationOutcomeLocaliser localiser;

	public SyncProvider(OfflineEnrolments offline, IFhirSystemDao<Bundle, Meta> systemDao, DaoRegistry daos, OperationOutcomeLocaliser localiser) {
		this.offline = offline;
		this.systemDao = systemDao;
		this.daos = daos;
		this.localiser = localiser;
	}

	@Operation(name = "$sync", type = Group.class)
	public Bundle sync(
			@OperationParam(name = "bundle", min = 1, max = 1) Bundle bundle,
			@OperationParam(name = "officer", max = 1) Reference officer,
			@OperationParam(name = "device", max = 1) StringType device,
			RequestDetails request) {
		if (bundle == null || bundle.getType() != Bundle.BundleType.BATCH) {
			throw ImisRuleException.businessRule(EnrolmentViolation.SYNC_BUNDLE_REQUIRED);
		}
		Locale locale = Messages.negotiate(request.getHeader("Accept-Language"));
		String deviceId = device == null || device.isEmpty() ? null : device.getValue();
		Bundle report = new Bundle().setType(Bundle.BundleType.BATCHRESPONSE);
		Set<String> temporaryNumbers = new HashSet<>();
		int[] counts = new int[4];
		for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
			Bundle.BundleEntryComponent answer = report.addEntry();
			try {
				if (isEnrolment(entry)) {
					enrol(entry, officer, deviceId, temporaryNumbers, answer, locale, request);
				} else if (isChange(entry)) {
					change(entry, answer, locale, request);
				} else {
					throw ImisRuleException.businessRule(EnrolmentViolation.SYNC_ENTRY_UNSUPPORTED,
							entry.getRequest().getMethod() + " " + entry.getRequest().getUrl());
				}
				counts[answer.getResponse().getStatus().startsWith("201") ? 0 : 1]++;
			} catch (BaseServerResponseException refused) {
				report(answer, refused, request);
				counts[refused.getStatusCode() == 409 ? 2 : 3]++;
			} catch (IllegalArgumentException | ca.uhn.fhir.parser.DataFormatException malformed) {
				// a value of the wrong form in an entry (a date, a reference): that entry only is refused
				report(answer, new ca.uhn.fhir.rest.server.exceptions.InvalidRequestException(malformed.getMessage()), request);
				counts[3]++;
			}
		}
		LOG.info("Sync of {} entr(ies) from officer {} device {}: {} created, {} unchanged or changed, {} conflicts, {} refused",
				bundle.getEntry().size(), officer == null ? "-" : officer.getReference(), deviceId == null ? "-" : deviceId,
				counts[0], counts[1], counts[2], counts[3]);
		return report;
	}

	private void report(Bundle.BundleEntryComponent answer, BaseServerResponseException refused, RequestDetails request) {
		answer.getResponse().setStatus(refused.getStatusCode() + " " + reasonPhrase(refused.getStatusCode()))
				.setOutcome(localiser.outcomeOf(refused, request));
	}

	private static String reasonPhrase(int status) {
		return switch (status) {
			case 400 -> "Bad Request";
			case 403 -> "Forbidden";
			case 404 -> "Not Found";
			case 409 -> "Conflict";
			case 412 -> "Precondition Failed";
			case 422 -> "Unprocessable Entity";
			default -> "Error";
		};
	}

	private static boolean isEnrolment(Bundle.BundleEntryComponent entry) {
		return entry.getRequest().getMethod() == Bundle.HTTPVerb.POST
				&& entry.getRequest().getUrl() != null && entry.getRequest().getUrl().endsWith("Group/$enrol")
				&& entry.getResource() instanceof Parameters;
	}

	private static boolean isChange(Bundle.BundleEntryComponent entry) {
		return entry.getRequest().getMethod() == Bundle.HTTPVerb.PUT
				&& (entry.getResource() instanceof Patient || entry.getResource() instanceof Group);
	}

	private void enrol(Bundle.BundleEntryComponent entry, Reference syncOfficer, String device, Set<String> earlier,
			Bundle.BundleEntryComponent answer, Locale locale, RequestDetails request) {
		Parameters parameters = (Parameters) entry.getResource();
		Group family = parameters.getParameter().stream().filter(p -> "family".equals(p.getName()))
				.map(p -> p.getResource()).filter(r -> r instanceof Group).map(r -> (Group) r).findFirst().orElse(null);
		List<Patient> members = parameters.getParameter().stream().filter(p -> "member".equals(p.getName()))
				.map(p -> p.getResource()).filter(r -> r instanceof Patient).map(r -> (Patient) r).toList();
		Reference officer = parameters.getParameter().stream().filter(p -> "officer".equals(p.getName()))
				.map(p -> p.getValue()).filter(v -> v instanceof Reference).map(v -> (Reference) v).findFirst().orElse(syncOfficer);
		OfflineEnrolments.Entry enrolment = new OfflineEnrolments.Entry(family, new java.util.ArrayList<>(members),
				text(parameters, "product"), date(parameters, "enrolDate"), officer, text(parameters, "voucher"));
		OfflineEnrolments.Outcome outcome = offline.process(enrolment, offline.officerId(officer), device, earlier, request);
		earlier.addAll(outcome.temporaryNumbers());
		Resource storedFamily = outcome.stored().getEntryFirstRep().getResource();
		answer.setResource(outcome.stored());
		answer.getResponse()
				.setStatus(outcome.created() ? "201 Created" : "200 OK")
				.setLocation("Group/" + storedFamily.getIdElement().getIdPart())
				.setOutcome(information(outcome.created() ? "created" : "unchanged", locale));
	}

	private static String primitive(Parameters parameters, String name) {
		return parameters.getParameter().stream().filter(p -> name.equals(p.getName()) && p.getValue() != null && p.getValue().isPrimitive())
				.map(p -> p.getValue().primitiveValue()).findFirst().orElse(null);
	}

	private static StringType text(Parameters parameters, String name) {
		String value = primitive(parameters, name);
		return value == null ? null : new StringType(value);
	}

	private static DateType date(Parameters parameters, String name) {
		String value = primitive(parameters, name);
		return value == null ? null : new DateType(value);
	}

	/** An offline change of a stored insuree or family, written only on the version it was made on. */
	private void change(Bundle.BundleEntryComponent entry, Bundle.BundleEntryComponent answer, Locale locale, RequestDetails request) {
		Resource resource = entry.getResource();
		IdType id = new IdType(entry.getRequest().getUrl()).toUnqualifiedVersionless();
		String ifMatch = entry.getRequest().getIfMatch();
		if (ifMatch == null || ifMatch.isBlank()) {
			throw ImisRuleException.businessRule(EnrolmentViolation.SYNC_IF_MATCH_REQUIRED, id.getValue());
		}
		String expected = ifMatch.replace("W/", "").replace("\"", "").trim();
		String current = daos.getResourceDao(resource.fhirType()).read(id, new SystemRequestDetails()).getIdElement().getVersionIdPart();
		if (!expected.equals(current)) {
			throw ImisRuleException.conflict(EnrolmentViolation.STALE_VERSION, id.getValue(), expected, current);
		}
		resource.setId(id.getValue());
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		transaction.addEntry().setFullUrl(id.getValue()).setResource(resource).getRequest()
				.setMethod(Bundle.HTTPVerb.PUT).setUrl(id.getValue()).setIfMatch("W/\"" + expected + "\"");
		Bundle response;
		try {
			response = systemDao.transaction(request, transaction);
		} catch (ResourceVersionConflictException raced) {
			if (raced.getMessage() != null && raced.getMessage().contains("HAPI-1093")) {
				throw raced;
			}
			throw ImisRuleException.conflict(EnrolmentViolation.STALE_VERSION, id.getValue(), expected, "?");
		}
		String location = response.getEntryFirstRep().getResponse().getLocation();
		answer.setResource((Resource) daos.getResourceDao(resource.fhirType()).read(new IdType(location), new SystemRequestDetails()));
		answer.getResponse().setStatus("200 OK").setLocation(location).setOutcome(information("updated", locale));
	}

	private static OperationOutcome information(String code, Locale locale) {
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION).setCode(OperationOutcome.IssueType.INFORMATIONAL)
				.getDetails().addCoding(new Coding(OUTCOME_SYSTEM, code, Messages.text("sync." + code, Messages.ENGLISH)))
				.setText(Messages.text("sync." + code, locale));
		return outcome;
	}
}
