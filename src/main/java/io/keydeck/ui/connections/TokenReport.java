package io.keydeck.ui.connections;

import io.keydeck.gateway.GatewayDriver;
import io.keydeck.model.Capability;
import io.keydeck.model.TokenInfo;
import io.keydeck.settings.ConnectionProfile;
import io.keydeck.ui.common.RelativeTime;
import io.keydeck.vault.AdminTokenClaims;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Says in words what an admin token is: what a typed token reveals about itself, and what "Test
 * connection" learned from the gateway and the driver. Never includes the token.
 */
final class TokenReport {
    private final ResourceBundle messages;
    private final RelativeTime time;

    TokenReport(ResourceBundle messages, RelativeTime time) {
        this.messages = messages;
        this.time = time;
    }

    /** Under the token field: subject, scopes and expiry of a JWT, or why nothing can be read. */
    String typedToken(AdminTokenClaims claims) {
        return switch (claims.kind()) {
            case OPAQUE -> messages.getString("token.opaque");
            case MALFORMED -> claims.problem().orElse("");
            case JWT -> jwt(claims);
        };
    }

    /** The lines shown after a successful test: who the token is, then what the driver can and cannot do. */
    String testSucceeded(GatewayDriver chosen, Optional<TokenInfo> info, AdminTokenClaims claims) {
        StringBuilder text = new StringBuilder();
        Optional<TokenInfo> who = info.or(claims::toTokenInfo);
        if (info.isEmpty() && claims.kind() != AdminTokenClaims.Kind.JWT) {
            text.append(messages.getString("connectionDialog.test.listed"));
        } else {
            String subject = who.map(TokenInfo::subject).filter(s -> !s.isBlank())
                    .orElse(messages.getString("connectionDialog.test.subjectUnknown"));
            text.append(MessageFormat.format(messages.getString("connectionDialog.test.ok"), subject));
            List<String> scopes = who.map(TokenInfo::scopes).orElse(List.of());
            text.append('\n').append(scopes.isEmpty() ? messages.getString("connectionDialog.test.scopesUnknown")
                    : MessageFormat.format(messages.getString("connectionDialog.test.scopes"), String.join(", ", scopes)));
            Instant expires = who.map(TokenInfo::expiresAt).orElse(null);
            text.append('\n').append(expires == null ? messages.getString("connectionDialog.test.noExpiry")
                    : MessageFormat.format(messages.getString("connectionDialog.test.expires"), time.exact(expires),
                    time.format(expires)));
            if (claims.lacks(SessionOpener.MANAGE_SCOPE)
                    || (!scopes.isEmpty() && !scopes.contains(SessionOpener.MANAGE_SCOPE) && info.isPresent()
                    && chosen.id().equals(ConnectionProfile.SANDBOX_DRIVER))) {
                text.append('\n').append(messages.getString("token.lacksManage"));
            }
            if (expires != null && expires.isBefore(time.now().plus(ConnectionNotices.EXPIRY_WARNING))) {
                text.append('\n').append(messages.getString("token.expiresSoon"));
            }
        }
        Set<Capability> can = chosen.capabilities();
        text.append('\n').append(MessageFormat.format(messages.getString("connectionDialog.test.can"),
                can.stream().sorted().map(this::capabilityName).collect(Collectors.joining(", "))));
        EnumSet<Capability> cannot = EnumSet.allOf(Capability.class);
        cannot.removeAll(can);
        for (Capability missing : cannot) {
            text.append('\n').append(MessageFormat.format(messages.getString("connectionDialog.test.cannot"),
                    capabilityName(missing), chosen.unsupportedReason(missing)));
        }
        return text.toString();
    }

    private String capabilityName(Capability capability) {
        return messages.getString("capability." + capability.name().toLowerCase(Locale.ROOT));
    }

    private String jwt(AdminTokenClaims claims) {
        String subject = claims.subject().orElse(messages.getString("connectionDialog.test.subjectUnknown"));
        String expiry = claims.expiresAt().map(at -> MessageFormat.format(messages.getString(
                claims.isExpired(time.now()) ? "token.expired" : "token.expires"), time.format(at), time.exact(at)))
                .orElse(messages.getString("token.noExpiry"));
        String text = claims.scopesKnown()
                ? MessageFormat.format(messages.getString("token.jwt"), subject, String.join(", ", claims.scopes()), expiry)
                : MessageFormat.format(messages.getString("token.jwtNoScopes"), subject, expiry);
        if (claims.lacks(SessionOpener.MANAGE_SCOPE)) {
            text += " " + messages.getString("token.lacksManage");
        }
        if (claims.expiresWithin(ConnectionNotices.EXPIRY_WARNING, time.now())) {
            text += " " + messages.getString("token.expiresSoon");
        }
        return text;
    }
}
