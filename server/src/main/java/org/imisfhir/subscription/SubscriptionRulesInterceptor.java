package org.imisfhir.subscription;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.IPreResourceShowDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.util.HapiExtensions;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Subscription;
import org.imisfhir.outcome.ErrorCode;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.security.Access;
import org.imisfhir.security.CurrentUser;
import org.imisfhir.security.ImisRole;
import org.imisfhir.security.ImisUser;
import org.imisfhir.security.RoleRights;
import org.imisfhir.subscription.rules.CriteriaScopeRule;
import org.imisfhir.subscription.rules.SubscriberScope;

/**
 * Our rules on Subscription resources, before HAPI's own validation (order 100): the channel, endpoint,
 * payload and criteria are checked with coded, translated reasons; a user may only subscribe to resource
 * types their roles may read and, when limited to districts or a facility, only with criteria narrowed to
 * them ({@link CriteriaScopeRule}). A Subscription belongs to the user who created it (a tag): other users
 * except IMIS administrators neither see nor change it, since it may hold the subscriber's credentials.
 * Work HAPI does on its own (activating a Subscription) runs without a signed-in user and is not checked.
 */
@Interceptor
public class SubscriptionRulesInterceptor {

	public static final String OWNER_SYSTEM = "https://imis-fhir.org/fhir/CodeSystem/subscription-owner";
	static final int ORDER = 50;
	private static final Set<String> STATUSES = Set.of("requested", "active", "off", "error");

	private final SubscriptionProperties properties;
	private final SubscriptionCriteria criteria;
	private final SubscriptionScopes scopes;
	private final Set<String> unlimitedTypes = new HashSet<>();

	public SubscriptionRulesInterceptor(
			SubscriptionProperties properties, SubscriptionCriteria criteria, SubscriptionScopes scopes) {
		this.properties = properties;
		this.criteria = criteria;
		this.scopes = scopes;
		unlimitedTypes.addAll(RoleRights.REGISTERS);
		unlimitedTypes.addAll(RoleRights.LOCATIONS);
		unlimitedTypes.addAll(RoleRights.CONFORMANCE);
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = ORDER)
	public void created(RequestDetails request, IBaseResource resource) {
		if (resource instanceof Subscription subscription) {
			Optional<ImisUser> user = CurrentUser.get();
			check(subscription, user.orElse(null));
			user.ifPresent(who -> setOwner(subscription, who.username()));
		}
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = ORDER)
	public void updated(RequestDetails request, IBaseResource oldResource, IBaseResource newResource) {
		if (!(newResource instanceof Subscription subscription)) {
			return;
		}
		Optional<ImisUser> user = CurrentUser.get();
		if (user.isEmpty()) {
			return; // HAPI's own status changes
		}
		String owner = ownerOf(oldResource);
		checkOwner(user.get(), oldResource, owner);
		check(subscription, user.get());
		setOwner(subscription, owner != null ? owner : user.get().username());
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED, order = ORDER)
	public void deleted(RequestDetails request, IBaseResource resource) {
		if (resource instanceof Subscription) {
			CurrentUser.get().ifPresent(user -> checkOwner(user, resource, ownerOf(resource)));
		}
	}

	@Hook(Pointcut.STORAGE_PRESHOW_RESOURCES)
	public void shown(RequestDetails request, IPreResourceShowDetails shown) {
		ImisUser user = CurrentUser.get().orElse(null);
		if (request == null || user == null || user.hasRole(ImisRole.IMIS_ADMINISTRATOR)) {
			return;
		}
		for (int i = 0; i < shown.size(); i++) {
			IBaseResource resource = shown.getResource(i);
			if (resource instanceof Subscription && !user.username().equals(ownerOf(resource))) {
				if (refusedWhole(request.getRestOperationType())) {
					checkOwner(user, resource, ownerOf(resource));
				}
				shown.setResource(i, null);
			}
		}
	}

	void check(Subscription subscription, ImisUser user) {
		if (!properties.isEnabled()) {
			throw new ImisRuleException(ErrorCode.UNPROCESSABLE, SubscriptionViolation.DISABLED);
		}
		String status = subscription.getStatus() == null ? null : subscription.getStatus().toCode();
		if (status == null || !STATUSES.contains(status)) {
			throw new ImisRuleException(ErrorCode.UNPROCESSABLE, SubscriptionViolation.STATUS_INVALID, String.valueOf(status));
		}
		Subscription.SubscriptionChannelComponent channel = subscription.getChannel();
		String type = channel.getType() == null ? "(none)" : channel.getType().toCode();
		if (!properties.getChannelTypes().contains(type)) {
			throw new ImisRuleException(ErrorCode.UNPROCESSABLE, SubscriptionViolation.CHANNEL_NOT_SUPPORTED,
					type, String.join(", ", properties.getChannelTypes()));
		}
		if ("rest-hook".equals(type)) {
			checkEndpoint(channel.getEndpoint());
		}
		String payload = channel.getPayload();
		if (payload != null && !payload.isBlank()) {
			EncodingEnum encoding = EncodingEnum.forContentType(payload);
			if (encoding != EncodingEnum.JSON && encoding != EncodingEnum.XML) {
				throw new ImisRuleException(ErrorCode.UNPROCESSABLE, SubscriptionViolation.PAYLOAD_NOT_SUPPORTED, payload);
			}
		}
		SubscriptionCriteria.Parsed parsed = criteria.parse(subscription.getCriteria());
		if (user == null) {
			return;
		}
		if (!user.rights().can(parsed.resourceType(), Access.READ)) {
			throw new ImisRuleException(ErrorCode.FORBIDDEN, SubscriptionViolation.TYPE_NOT_READABLE,
					user.username(), parsed.resourceType());
		}
		SubscriberScope scope = scopes.of(user);
		if (!scope.limited()) {
			return;
		}
		if (subscription.hasExtension(HapiExtensions.EXT_SUBSCRIPTION_PAYLOAD_SEARCH_CRITERIA)) {
			throw new ImisRuleException(ErrorCode.FORBIDDEN, SubscriptionViolation.PAYLOAD_CRITERIA_REFUSED,
					user.username(), HapiExtensions.EXT_SUBSCRIPTION_PAYLOAD_SEARCH_CRITERIA);
		}
		CriteriaScopeRule.check(parsed.resourceType(), parsed.parameters(), scope, unlimitedTypes).ifPresent(refusal -> {
			if (refusal.parameters().isEmpty()) {
				throw new ImisRuleException(ErrorCode.FORBIDDEN, SubscriptionViolation.NOT_NARROWABLE,
						user.username(), refusal.resourceType());
			}
			throw new ImisRuleException(ErrorCode.FORBIDDEN, SubscriptionViolation.OUT_OF_SCOPE, user.username(),
					refusal.resourceType(), String.join(" or ", refusal.parameters()), refusal.allowed());
		});
	}

	private void checkEndpoint(String endpoint) {
		URI uri;
		try {
			uri = endpoint == null ? null : URI.create(endpoint.trim());
		} catch (IllegalArgumentException malformed) {
			uri = null;
		}
		if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
			throw new ImisRuleException(ErrorCode.UNPROCESSABLE, SubscriptionViolation.ENDPOINT_INVALID,
					String.valueOf(endpoint), "it must be an absolute http or https address");
		}
		String pattern = properties.getEndpointPattern();
		if (pattern != null && !pattern.isBlank() && !endpoint.trim().matches(pattern)) {
			throw new ImisRuleException(ErrorCode.UNPROCESSABLE, SubscriptionViolation.ENDPOINT_INVALID,
					endpoint, "this server only delivers to addresses matching " + pattern);
		}
	}

	private static void checkOwner(ImisUser user, IBaseResource subscription, String owner) {
		if (user.hasRole(ImisRole.IMIS_ADMINISTRATOR) || owner == null || owner.equals(user.username())) {
			return;
		}
		throw new ImisRuleException(ErrorCode.FORBIDDEN, SubscriptionViolation.NOT_OWNER,
				user.username(), subscription.getIdElement().getIdPart(), owner);
	}

	static String ownerOf(IBaseResource resource) {
		if (resource == null) {
			return null;
		}
		return resource.getMeta().getTag().stream()
				.filter(tag -> OWNER_SYSTEM.equals(tag.getSystem()))
				.map(tag -> tag.getCode())
				.findFirst().orElse(null);
	}

	private static void setOwner(Subscription subscription, String username) {
		List<Coding> tags = subscription.getMeta().getTag();
		tags.removeIf(tag -> OWNER_SYSTEM.equals(tag.getSystem()));
		subscription.getMeta().addTag(OWNER_SYSTEM, username, "Created by " + username);
	}

	private static boolean refusedWhole(RestOperationTypeEnum operation) {
		if (operation == null) {
			return false;
		}
		return switch (operation) {
			case READ, VREAD, HISTORY_INSTANCE, HISTORY_TYPE, HISTORY_SYSTEM -> true;
			default -> false;
		};
	}
}
