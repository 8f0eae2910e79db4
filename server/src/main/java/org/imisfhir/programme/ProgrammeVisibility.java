package org.imisfhir.programme;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.outcome.ErrorCode;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.programme.rules.ProgrammeAccessRule;
import org.imisfhir.security.CurrentUser;
import org.imisfhir.security.ImisUser;
import org.imisfhir.security.ResourceVisibility;
import org.imisfhir.security.SecurityViolation;

/**
 * Users assigned to programmes (token claim {@code programmes}) work only on the claims and policies of those
 * programmes ({@link ProgrammeAccessRule}): the others are hidden from every answer (a {@link ResourceVisibility}
 * rule, applied by the consent interceptor), and writing one is refused with 403 {@code programme-not-assigned}.
 *
 * <ul>
 *   <li>a claim's programme is its {@code programme} extension (a reference to the PlanDefinition);
 *   <li>a claim response's is its claim's ({@code request}), read when the response is shown;
 *   <li>a policy's is its programme class ({@code Coverage.class} of type {@code coverage-class|programme}).
 * </ul>
 *
 * A resource naming no programme is everyone's. The write check runs on the requests of the FHIR endpoint only:
 * the stored resource of an update or delete before any other rule, the resource written after the programme
 * rules have given a claim or a new policy its programme (order 100), so that a claim given another programme is
 * refused too; what the server writes on its own (a policy set back to idle) is not checked.
 */
@Interceptor
public class ProgrammeVisibility implements ResourceVisibility {

	/** After profile validation and after the programme rules (order 0) give a claim or policy its programme. */
	static final int WRITE_CHECK_ORDER = 100;
	/**
	 * The stored resource of an update or delete is checked first, before any rule of the claim or policy
	 * (the claim entry rules are at -20), so that the refusal tells nothing of a resource the user may not see.
	 */
	static final int STORED_CHECK_ORDER = -100;

	private final DaoRegistry daos;
	private final Programmes programmes;

	public ProgrammeVisibility(DaoRegistry daos, Programmes programmes) {
		this.daos = daos;
		this.programmes = programmes;
	}

	@Override
	public boolean limits(ImisUser user) {
		return ProgrammeAccessRule.limited(user.programmes());
	}

	@Override
	public boolean visible(ImisUser user, IBaseResource resource) {
		if (!(resource instanceof Claim) && !(resource instanceof ClaimResponse) && !(resource instanceof Coverage)) {
			return true;
		}
		return ProgrammeAccessRule.allowed(user.programmes(), programmesOf(resource));
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = WRITE_CHECK_ORDER)
	public void checkCreated(RequestDetails request, IBaseResource resource) {
		checkWrite(request, resource);
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = STORED_CHECK_ORDER)
	public void checkStored(RequestDetails request, IBaseResource oldResource, IBaseResource newResource) {
		checkWrite(request, oldResource);
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = WRITE_CHECK_ORDER)
	public void checkUpdated(RequestDetails request, IBaseResource oldResource, IBaseResource newResource) {
		checkWrite(request, newResource);
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED, order = STORED_CHECK_ORDER)
	public void checkDeleted(RequestDetails request, IBaseResource resource) {
		checkWrite(request, resource);
	}

	private void checkWrite(RequestDetails request, IBaseResource resource) {
		if (request == null || request instanceof SystemRequestDetails
				|| !(resource instanceof Claim || resource instanceof Coverage)) {
			return;
		}
		ImisUser user = CurrentUser.get().orElse(null);
		if (user == null || !limits(user)) {
			return;
		}
		Set<String> named = programmesOf(resource);
		if (!ProgrammeAccessRule.allowed(user.programmes(), named)) {
			String what = resource.getIdElement().hasIdPart()
					? resource.fhirType() + "/" + resource.getIdElement().getIdPart()
					: resource.fhirType();
			throw new ImisRuleException(ErrorCode.FORBIDDEN, SecurityViolation.PROGRAMME_NOT_ASSIGNED,
					user.username(), user.programmes(), what, String.join(", ", named));
		}
	}

	/** The codes of the programmes a claim, claim response or policy names (an unknown programme by its reference). */
	Set<String> programmesOf(IBaseResource resource) {
		if (resource instanceof Coverage policy) {
			return ProgrammePolicies.programmeOf(policy).map(Set::of).orElse(Set.of());
		}
		if (resource instanceof Claim claim) {
			return named(claim);
		}
		if (resource instanceof ClaimResponse response) {
			Set<String> own = named(response);
			if (!own.isEmpty()) {
				return own;
			}
			Reference request = response.getRequest();
			if (request == null || !request.hasReference()
					|| !"Claim".equals(request.getReferenceElement().getResourceType())) {
				return Set.of();
			}
			try {
				Claim claim = daos.getResourceDao(Claim.class).read(
						new IdType("Claim", request.getReferenceElement().getIdPart()), new SystemRequestDetails());
				return named(claim);
			} catch (ResourceNotFoundException | ResourceGoneException missing) {
				return Set.of();
			}
		}
		return Set.of();
	}

	private Set<String> named(DomainResource resource) {
		Set<String> codes = new LinkedHashSet<>();
		for (Extension extension : resource.getExtensionsByUrl(Programmes.PROGRAMME_EXTENSION)) {
			if (extension.getValue() instanceof Reference reference && reference.hasReference()) {
				codes.add(programmes.codeOf(reference).orElse(reference.getReference()));
			}
		}
		return codes;
	}
}
