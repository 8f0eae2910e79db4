package org.imisfhir.programme;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.model.util.JpaConstants;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.imisfhir.outcome.ErrorCode;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.programme.rules.SensitivityLabels;
import org.imisfhir.programme.rules.SensitivityLabels.Label;
import org.imisfhir.security.CurrentUser;
import org.imisfhir.security.ImisRole;
import org.imisfhir.security.ImisUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the sensitive programmes' security labels on what they concern, on every write whatever the path:
 * insurees holding a sensitive identifier (Cameroon: TARV code, national MPI number), the programme's policies
 * and claims, and the answers to those claims. The labels are the server's: what a client sends in their place is
 * replaced. Once an insuree exists, its labels change (a sensitive identifier added first or removed last) only
 * by a sensitive-data manager through {@code $link-identifier} or {@code $unlink-identifier}, whose reason is
 * mandatory and audited; any other change is refused with 403.
 */
@Interceptor(order = 100)
public class SensitiveDataLabeller {

	private static final Logger log = LoggerFactory.getLogger(SensitiveDataLabeller.class);
	private static final ThreadLocal<String> REASONED_CHANGE = new ThreadLocal<>();

	private final DaoRegistry daos;
	private final Programmes programmes;

	public SensitiveDataLabeller(DaoRegistry daos, Programmes programmes) {
		this.daos = daos;
		this.programmes = programmes;
	}

	/** Runs a change of an insuree's identifiers for which the user gave a reason (the MPI linkage operations). */
	public static <T> T withReason(String reason, java.util.function.Supplier<T> change) {
		REASONED_CHANGE.set(reason);
		try {
			return change.get();
		} finally {
			REASONED_CHANGE.remove();
		}
	}

	/**
	 * A server-side request whose update replaces the stored security labels by the resource's own (HAPI otherwise
	 * carries the earlier version's labels over), so that removing an insuree's last sensitive identifier removes
	 * its label.
	 */
	public static SystemRequestDetails replacingLabels() {
		SystemRequestDetails request = new SystemRequestDetails();
		request.addHeader(JpaConstants.HEADER_META_SNAPSHOT_MODE, "SECURITY_LABEL");
		return request;
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void created(IBaseResource resource) {
		SensitivityLabels sensitivity = programmes.sensitivity();
		if (sensitivity.any()) {
			label((Resource) resource, sensitivity);
		}
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void updated(IBaseResource previous, IBaseResource resource) {
		SensitivityLabels sensitivity = programmes.sensitivity();
		if (!sensitivity.any()) {
			return;
		}
		Set<Label> after = label((Resource) resource, sensitivity);
		if (resource instanceof Patient && previous instanceof Patient before) {
			Set<Label> had = labelsOf(before, sensitivity.managed());
			ImisUser user = CurrentUser.get().orElse(null);
			if (user == null) {
				return; // the server's own work (merges, migrations, scheduled jobs)
			}
			boolean manager = user.hasRole(ImisRole.SENSITIVE_DATA_MANAGER);
			SensitivityLabels.change(had, after, manager, REASONED_CHANGE.get() != null).ifPresent(refusal -> {
				throw new ImisRuleException(ErrorCode.FORBIDDEN, ProgrammeViolation.SENSITIVE_LABEL_CHANGE);
			});
			if (!had.equals(after)) {
				log.info("Security labels of {} changed by {} from {} to {}: {}",
						resource.getIdElement().toUnqualifiedVersionless().getValue(), user.username(),
						codes(had), codes(after), REASONED_CHANGE.get());
			}
		}
	}

	/** Sets the labels the resource must carry in place of the managed ones it has; returns them. */
	private Set<Label> label(Resource resource, SensitivityLabels sensitivity) {
		Set<Label> labels = null;
		if (resource instanceof Patient insuree) {
			labels = sensitivity.forInsuree(
					insuree.getIdentifier().stream().map(Identifier::getSystem).filter(s -> s != null).toList());
		} else if (resource instanceof Coverage policy) {
			labels = sensitivity.forProgrammes(ProgrammePolicies.programmeOf(policy).stream().toList());
		} else if (resource instanceof Claim claim) {
			labels = sensitivity.forProgrammes(programmes.namedBy(claim));
		} else if (resource instanceof ClaimResponse answer) {
			labels = labelsOfClaim(answer, sensitivity);
		}
		if (labels == null) {
			return Set.of();
		}
		Set<Label> managed = sensitivity.managed();
		List<Coding> security = resource.getMeta().getSecurity();
		security.removeIf(coding -> managed.contains(new Label(coding.getSystem(), coding.getCode())));
		for (Label label : labels) {
			resource.getMeta().addSecurity(new Coding(label.system(), label.code(), null));
		}
		return labels;
	}

	private Set<Label> labelsOfClaim(ClaimResponse answer, SensitivityLabels sensitivity) {
		if (!answer.getRequest().hasReference()) {
			return Set.of();
		}
		try {
			Claim claim = daos.getResourceDao(Claim.class).read(
					answer.getRequest().getReferenceElement().toUnqualifiedVersionless(), new SystemRequestDetails());
			return labelsOf(claim, sensitivity.managed());
		} catch (ResourceNotFoundException gone) {
			return Set.of();
		}
	}

	static Set<Label> labelsOf(Resource resource, Set<Label> managed) {
		Set<Label> labels = new LinkedHashSet<>();
		for (Coding coding : resource.getMeta().getSecurity()) {
			Label label = new Label(coding.getSystem(), coding.getCode());
			if (managed.contains(label)) {
				labels.add(label);
			}
		}
		return labels;
	}

	private static List<String> codes(Set<Label> labels) {
		return labels.stream().map(Label::code).toList();
	}
}
