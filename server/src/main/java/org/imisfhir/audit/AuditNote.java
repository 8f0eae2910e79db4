package org.imisfhir.audit;

/**
 * What an operation adds to the audit of the request being served: the reason the user gave
 * (AuditEvent.purposeOfEvent.text) and details of what it was about (AuditEvent.entity.detail, on each
 * resource written). Outside a request, or with auditing off, it does nothing.
 */
public final class AuditNote {

	private AuditNote() {}

	public static void reason(String reason) {
		RequestAudit audit = RequestAudit.current();
		if (audit != null && reason != null && !reason.isBlank()) {
			audit.reason = reason;
		}
	}

	public static void detail(String type, String value) {
		RequestAudit audit = RequestAudit.current();
		if (audit != null && type != null && value != null) {
			audit.details.put(type, value);
		}
	}
}
