package org.imisfhir.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.bulk.BulkExportJobParameters;
import ca.uhn.fhir.rest.api.server.bulk.BulkExportJobParameters.ExportStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.outcome.ErrorCode;
import org.imisfhir.outcome.ImisRuleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Limits a bulk export ({@code $export} at system, Patient and Group level) to what its user may see, when
 * HAPI is about to start the job: the resource types their roles read, each narrowed to their districts or
 * facility by type filters ({@link ExportScope}); a named insuree or family outside them is refused (403
 * {@code out-of-scope}), and so is a family with a member outside them. The files are marked with the user's
 * name ({@code Binary.securityContext}), so only that user fetches them ({@link ExportOwnerGuard}). What a
 * {@link ResourceVisibility} rule hides from the user (sensitive data) is noted on the job and left out of the files
 * as they are written.
 */
@Interceptor
public class BulkExportScopeInterceptor {

	private static final Logger log = LoggerFactory.getLogger(BulkExportScopeInterceptor.class);

	/** The identifier system of the exporting user in the files' {@code Binary.securityContext}. */
	public static final String OWNER_SYSTEM = "https://imis-fhir.org/fhir/sid/export-owner";
	/** Job user data key (with the rule's index) of what a visibility rule leaves out of the export. */
	static final String VISIBILITY_NOTE = "imis-visibility-";
	/** Job user data: the types checked against the user's area while written, and that area. */
	static final String AREA_TYPES = "imis-area-types";
	static final String AREA_DISTRICTS = "imis-area-districts";
	static final String AREA_FACILITY = "imis-area-facility";

	private final DaoRegistry daoRegistry;
	private final LocationTreeCache locations;
	private final DistrictScopeInterceptor districtScope;
	private final List<ResourceVisibility> visibility;

	public BulkExportScopeInterceptor(DaoRegistry daoRegistry, LocationTreeCache locations,
			DistrictScopeInterceptor districtScope, List<ResourceVisibility> visibility) {
		this.daoRegistry = daoRegistry;
		this.locations = locations;
		this.districtScope = districtScope;
		this.visibility = List.copyOf(visibility);
	}

	@Hook(Pointcut.STORAGE_INITIATE_BULK_EXPORT)
	public void narrow(RequestDetails request, BulkExportJobParameters export) {
		ImisUser user = CurrentUser.get().orElse(null);
		if (user == null) {
			return; // the server's own exports; a caller without a token never gets this far
		}
		String facilityId = districtScope.facilityOf(user);
		ExportScope.Area area = area(user, facilityId);
		if (area.limited()) {
			checkTargets(user, facilityId, export);
		}
		List<String> types = withoutProgrammeTypes(user, export.getResourceTypes(), typesAsked(request));
		ExportScope.Decision decision = ExportScope.decide(
				user.rights(), area, types, typesAsked(request), export.getFilters());
		if (decision.refused()) {
			throw refusal(user, decision.refusal());
		}
		ExportScope.Narrowed narrowed = decision.narrowed();
		for (int i = 0; i < visibility.size(); i++) {
			ResourceVisibility rule = visibility.get(i);
			if (rule.limits(user)) {
				Optional<String> note = rule.exportNote(user);
				if (note.isPresent()) {
					export.setUserData(VISIBILITY_NOTE + i, note.get());
				}
			}
		}
		List<String> checked = ExportScope.checkedWhileWritten(narrowed.types(), area);
		if (!checked.isEmpty()) {
			export.setUserData(AREA_TYPES, String.join(",", checked));
			export.setUserData(AREA_DISTRICTS, String.join(",", user.districts()));
			export.setUserData(AREA_FACILITY, user.facility() == null ? "" : user.facility());
		}
		export.setResourceTypes(narrowed.types());
		export.setFilters(narrowed.filters());
		export.setBinarySecurityContextIdentifierSystem(OWNER_SYSTEM);
		export.setBinarySecurityContextIdentifierValue(user.username());
		log.info("Bulk export ({} level) by {}: types {}{}", export.getExportStyle(), user.username(),
				narrowed.types(), area.limited() ? ", limited to " + limits(user) : "");
	}

	/**
	 * A user limited to programmes exports no claims, claim responses or policies: the export's searches cannot
	 * leave out those of other programmes (while keeping those of none). Asked for by name, they are refused.
	 */
	private static List<String> withoutProgrammeTypes(ImisUser user, List<String> types, boolean typesAsked) {
		if (user.programmes().isEmpty() || types == null) {
			return types;
		}
		for (String type : types) {
			if (ExportScope.PROGRAMME_TYPES.contains(type) && typesAsked) {
				throw new ImisRuleException(ErrorCode.FORBIDDEN, SecurityViolation.EXPORT_PROGRAMME_LIMITED,
						user.username(), user.programmes(), type);
			}
		}
		return types.stream().filter(type -> !ExportScope.PROGRAMME_TYPES.contains(type)).toList();
	}

	private ExportScope.Area area(ImisUser user, String facilityId) {
		if (!DistrictScope.limited(user)) {
			return new ExportScope.Area(false, List.of(), List.of(), facilityId);
		}
		LocationTree tree = locations.tree();
		Set<String> districtIds = tree.districtIds(user.districts());
		return new ExportScope.Area(true,
				tree.villagesIn(districtIds).stream().map(id -> "Location/" + id).toList(),
				districtIds.stream().sorted().map(id -> "Location/" + id).toList(),
				facilityId);
	}

	/** The insurees and family named by the export, and the family's members, must lie in the user's area. */
	private void checkTargets(ImisUser user, String facilityId, BulkExportJobParameters export) {
		List<IBaseResource> targets = new ArrayList<>();
		if (export.getExportStyle() == ExportStyle.GROUP && export.getGroupId() != null) {
			Group family = daoRegistry.getResourceDao(Group.class)
					.read(new IdType(export.getGroupId()).toUnqualifiedVersionless(), new SystemRequestDetails());
			targets.add(family);
			for (Group.GroupMemberComponent member : family.getMember()) {
				Reference entity = member.getEntity();
				if ("Patient".equals(entity.getReferenceElement().getResourceType())) {
					targets.add(readPatient(entity.getReferenceElement().getIdPart()));
				}
			}
		}
		if (export.getExportStyle() == ExportStyle.PATIENT) {
			for (String id : export.getPatientIds()) {
				targets.add(readPatient(new IdType(id).getIdPart()));
			}
		}
		for (IBaseResource target : targets) {
			if (!districtScope.inScope(user, facilityId, target)) {
				throw new ImisRuleException(ErrorCode.FORBIDDEN, SecurityViolation.OUT_OF_SCOPE,
						user.username(), limits(user),
						target.fhirType() + "/" + target.getIdElement().getIdPart());
			}
		}
	}

	private Patient readPatient(String id) {
		return daoRegistry.getResourceDao(Patient.class).read(new IdType("Patient", id), new SystemRequestDetails());
	}

	/** Whether the client named the resource types ({@code _type}, in the URL or a Parameters body). */
	static boolean typesAsked(RequestDetails request) {
		if (request == null) {
			return false;
		}
		String[] inUrl = request.getParameters() == null ? null : request.getParameters().get("_type");
		if (inUrl != null && Arrays.stream(inUrl).anyMatch(value -> value != null && !value.isBlank())) {
			return true;
		}
		return request.getResource() instanceof Parameters parameters && parameters.getParameter("_type") != null;
	}

	private static List<String> limits(ImisUser user) {
		return user.districts().isEmpty() ? List.of(String.valueOf(user.facility())) : user.districts();
	}

	private static ImisRuleException refusal(ImisUser user, ExportScope.Refusal refusal) {
		if (refusal.violation() == SecurityViolation.EXPORT_TYPE_NOT_ALLOWED) {
			return new ImisRuleException(ErrorCode.FORBIDDEN, refusal.violation(), user.username(),
					user.roles().stream().map(ImisRole::code).sorted().toList(), refusal.type());
		}
		return new ImisRuleException(ErrorCode.FORBIDDEN, refusal.violation(), user.username(), limits(user), refusal.type());
	}
}
