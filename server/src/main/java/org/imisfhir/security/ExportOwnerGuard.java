package org.imisfhir.security;

import ca.uhn.fhir.batch2.api.IJobCoordinator;
import ca.uhn.fhir.batch2.model.JobInstance;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.bulk.BulkExportJobParameters;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.interceptor.binary.BinarySecurityContextInterceptor;
import org.hl7.fhir.instance.model.api.IBaseBinary;
import org.hl7.fhir.r4.model.Parameters;
import org.imisfhir.outcome.ErrorCode;
import org.imisfhir.outcome.ImisRuleException;

/**
 * Only the user who started a bulk export follows it ({@code $export-poll-status}) and downloads its files: the
 * files (Binary) carry the user's name in {@code Binary.securityContext} ({@link BulkExportScopeInterceptor}),
 * and HAPI's {@link BinarySecurityContextInterceptor} refuses them to anybody else (403 {@code export-not-owner}).
 */
@Interceptor
public class ExportOwnerGuard extends BinarySecurityContextInterceptor {

	static final String POLL_STATUS = "$export-poll-status";

	private final IJobCoordinator jobs;

	public ExportOwnerGuard(FhirContext fhirContext, IJobCoordinator jobs) {
		super(fhirContext);
		this.jobs = jobs;
	}

	@Override
	protected boolean securityContextIdentifierAllowed(String system, String value, RequestDetails request) {
		return BulkExportScopeInterceptor.OWNER_SYSTEM.equals(system)
				&& CurrentUser.get().map(user -> user.username().equals(value)).orElse(false);
	}

	@Override
	protected void handleForbidden(IBaseBinary binary) {
		throw new ImisRuleException(ErrorCode.FORBIDDEN, SecurityViolation.EXPORT_NOT_OWNER,
				binary.getIdElement().toUnqualifiedVersionless().getValue());
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	public void checkPollStatus(RequestDetails request) {
		if (!POLL_STATUS.equals(request.getOperation())) {
			return;
		}
		String jobId = jobId(request);
		ImisUser user = CurrentUser.get().orElse(null);
		if (jobId == null || user == null) {
			return;
		}
		JobInstance job;
		try {
			job = jobs.getInstance(jobId);
		} catch (ResourceNotFoundException unknown) {
			return; // HAPI answers 404
		}
		String owner = job.getParameters(BulkExportJobParameters.class).getBinarySecurityContextIdentifierValue();
		if (owner != null && !owner.equals(user.username())) {
			throw new ImisRuleException(ErrorCode.FORBIDDEN, SecurityViolation.EXPORT_NOT_OWNER, jobId);
		}
	}

	private static String jobId(RequestDetails request) {
		String[] inUrl = request.getParameters() == null ? null : request.getParameters().get("_jobId");
		if (inUrl != null && inUrl.length > 0) {
			return inUrl[0];
		}
		if (request.getResource() instanceof Parameters parameters && parameters.getParameter("_jobId") != null) {
			return parameters.getParameter("_jobId").getValue().primitiveValue();
		}
		return null;
	}
}
