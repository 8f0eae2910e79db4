package org.imisfhir.claim;

import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.imisfhir.claim.rules.ClaimStatus;
import org.imisfhir.claim.rules.RejectionReason;
import org.imisfhir.claim.rules.ServiceCategory;

import java.util.Date;
import java.util.Optional;

/**
 * Reads and writes a claim's place in the workflow (extension claim-workflow): status, rejection reason,
 * category, review and feedback status, time stamps, the return reason, the restored claim and the batch run.
 */
public final class ClaimWorkflow {

	/** Review and feedback status (openIMIS 1 idle, 2 not selected, 4 selected, 8 delivered, 16 bypassed). */
	public enum Selection {
		IDLE(1), NOT_SELECTED(2), SELECTED(4), DELIVERED(8), BYPASSED(16);

		private final int code;

		Selection(int code) {
			this.code = code;
		}

		public String code() {
			return String.valueOf(code);
		}

		public static Selection of(String code) {
			for (Selection selection : values()) {
				if (selection.code().equals(code)) {
					return selection;
				}
			}
			return IDLE;
		}
	}

	private ClaimWorkflow() {}

	public static ClaimStatus status(Claim claim) {
		return part(claim, "status")
				.map(value -> ((Coding) value).getCode())
				.map(ClaimWorkflow::statusOf)
				.orElse(ClaimStatus.ENTERED);
	}

	public static void setStatus(Claim claim, ClaimStatus status) {
		String display = status.name().charAt(0) + status.name().substring(1).toLowerCase();
		set(claim, "status", new Coding(ClaimProfiles.STATUS_SYSTEM, String.valueOf(status.code()), display));
	}

	public static void setRejectionReason(Claim claim, RejectionReason reason) {
		if (reason == null) {
			remove(claim, "rejectionReason");
		} else {
			set(claim, "rejectionReason", new Coding(ClaimProfiles.REJECTION_SYSTEM, String.valueOf(reason.code()), null));
		}
	}

	public static Optional<ServiceCategory> category(Claim claim) {
		return part(claim, "category").map(value -> ((CodeType) value).getCode()).flatMap(code -> {
			for (ServiceCategory category : ServiceCategory.values()) {
				if (category.code().equals(code)) {
					return Optional.of(category);
				}
			}
			return Optional.empty();
		});
	}

	public static void setCategory(Claim claim, ServiceCategory category) {
		set(claim, "category", new CodeType(category.code()));
	}

	public static Selection reviewStatus(Claim claim) {
		return part(claim, "reviewStatus").map(value -> Selection.of(((CodeType) value).getCode())).orElse(Selection.IDLE);
	}

	public static void setReviewStatus(Claim claim, Selection selection) {
		set(claim, "reviewStatus", new CodeType(selection.code()));
	}

	public static Selection feedbackStatus(Claim claim) {
		return part(claim, "feedbackStatus").map(value -> Selection.of(((CodeType) value).getCode())).orElse(Selection.IDLE);
	}

	public static void setFeedbackStatus(Claim claim, Selection selection) {
		set(claim, "feedbackStatus", new CodeType(selection.code()));
	}

	public static void stampSubmitted(Claim claim, Date when) {
		set(claim, "submitted", new DateTimeType(when));
	}

	public static void stampProcessed(Claim claim, Date when) {
		set(claim, "processed", new DateTimeType(when));
	}

	public static void setReturnReason(Claim claim, String reason) {
		if (reason == null) {
			remove(claim, "returnReason");
		} else {
			set(claim, "returnReason", new StringType(reason));
		}
	}

	public static void setRestores(Claim claim, Reference rejected) {
		set(claim, "restores", rejected);
	}

	public static void setBatchRun(Claim claim, Reference task) {
		set(claim, "batchRun", task);
	}

	public static Optional<Reference> batchRun(Claim claim) {
		return part(claim, "batchRun").map(Reference.class::cast);
	}

	static ClaimStatus statusOf(String code) {
		for (ClaimStatus status : ClaimStatus.values()) {
			if (String.valueOf(status.code()).equals(code)) {
				return status;
			}
		}
		return ClaimStatus.ENTERED;
	}

	private static Optional<Type> part(Claim claim, String name) {
		Extension workflow = claim.getExtensionByUrl(ClaimProfiles.WORKFLOW);
		if (workflow == null) {
			return Optional.empty();
		}
		Extension part = workflow.getExtensionByUrl(name);
		return part == null ? Optional.empty() : Optional.ofNullable(part.getValue());
	}

	private static void set(Claim claim, String name, Type value) {
		Extension workflow = claim.getExtensionByUrl(ClaimProfiles.WORKFLOW);
		if (workflow == null) {
			workflow = claim.addExtension().setUrl(ClaimProfiles.WORKFLOW);
		}
		workflow.getExtension().removeIf(e -> name.equals(e.getUrl()));
		workflow.addExtension(name, value);
		// keep the sub-extensions in the order the profile lists them, so stored claims read the same way
		workflow.getExtension().sort(java.util.Comparator.comparingInt(e -> ORDER.indexOf(e.getUrl())));
	}

	private static void remove(Claim claim, String name) {
		Extension workflow = claim.getExtensionByUrl(ClaimProfiles.WORKFLOW);
		if (workflow != null) {
			workflow.getExtension().removeIf(e -> name.equals(e.getUrl()));
		}
	}

	private static final java.util.List<String> ORDER = java.util.List.of(
			"status", "rejectionReason", "category", "reviewStatus", "feedbackStatus", "submitted", "processed",
			"returnReason", "restores", "batchRun");
}
