package io.github.camelloganalytics.testkit.generate;

import java.time.Duration;
import java.time.Instant;

/** Microsoft Entra ID sign-ins and directory audit of the contoso tenant. */
final class IdentityTables {

    private IdentityTables() {
    }

    private record Result(String code, String description) {
    }

    private static final Result SUCCESS = new Result("0", "");
    private static final Result[] FAILURES = {
            new Result("50126", "Error validating credentials due to invalid username or password."),
            new Result("50074", "Strong Authentication is required."),
            new Result("50053", "Account is locked because user tried to sign in too many times with an incorrect user ID or password."),
            new Result("53003", "Access has been blocked by Conditional Access policies."),
            new Result("50140", "This error occurred due to 'Keep me signed in' interrupt when the user was signing in.") };

    /**
     * Interactive sign-ins: most succeed, some fail with the codes people look for (50126 bad password, 50074 MFA
     * required, 50053 locked, 53003 blocked by conditional access), plus a password spray from one address.
     */
    static void signinLogs(Emitter out, Rand rand) {
        for (Instant t = AgentTables.aligned(out.from(), Duration.ofHours(1)); t.isBefore(out.until()); t = t.plus(Duration.ofHours(1))) {
            boolean spray = rand.chance(0.04);
            String sprayIp = rand.publicIp();
            int n = (int) Math.round(10 * Rand.load(t)) + (spray ? 15 : 0);
            for (int i = 0; i < n; i++) {
                boolean sprayed = spray && i >= n - 15;
                Result r = sprayed ? FAILURES[0] : rand.chance(0.88) ? SUCCESS : rand.pick(FAILURES);
                String user = sprayed ? rand.pick("admin", "alice", "bob", "carol", "dave", "erin") : rand.pick("alice", "bob", "carol", "dave");
                String app = rand.pick("Microsoft Teams", "Office 365 Exchange Online", "Azure Portal", "shop-admin");
                String ip = sprayed ? sprayIp : "86.40." + rand.between(0, 255) + "." + rand.between(1, 254);
                String city = sprayed ? "Unknown" : rand.pick("Dublin", "London", "Amsterdam");
                Instant at = t.plus(rand.jitter(Duration.ofHours(1)));
                out.emit(out.row().set("UserPrincipalName", user + "@contoso.com").set("UserDisplayName", capital(user))
                        .set("UserId", rand.uuid().toString()).set("AppDisplayName", app).set("AppId", rand.uuid().toString())
                        .set("IPAddress", ip).set("ResultType", r.code()).set("ResultDescription", r.description())
                        .set("ResultSignature", r == SUCCESS ? "SUCCESS" : "None")
                        .set("Status", Json.object("errorCode", Integer.parseInt(r.code()), "failureReason",
                                r == SUCCESS ? "Other." : r.description()))
                        .set("ClientAppUsed", rand.pick("Browser", "Mobile Apps and Desktop clients"))
                        .set("ConditionalAccessStatus", r.code().equals("53003") ? "failure" : "success")
                        .set("AuthenticationRequirement", rand.chance(0.6) ? "multiFactorAuthentication" : "singleFactorAuthentication")
                        .set("IsInteractive", true).set("IsRisky", sprayed).set("RiskLevelDuringSignIn", sprayed ? "medium" : "none")
                        .set("RiskState", sprayed ? "atRisk" : "none").set("Location", sprayed ? "RU" : "IE")
                        .set("LocationDetails", Json.object("city", city, "countryOrRegion", sprayed ? "RU" : "IE"))
                        .set("DeviceDetail", Json.object("operatingSystem", rand.pick("Windows10", "MacOs", "Ios"), "browser",
                                rand.pick("Edge 131.0.0", "Chrome 131.0.0")))
                        .set("CorrelationId", rand.uuid().toString()).set("Id", rand.uuid().toString())
                        .set("OperationName", "Sign-in activity").set("Category", "SignInLogs").set("Level", r == SUCCESS ? "4" : "2")
                        .set("CreatedDateTime", at).set("DurationMs", 0L).set("Identity", capital(user))
                        .set("AADTenantId", GenerationContext.TENANT).set("UserType", "Member")
                        .set("TokenIssuerType", "AzureAD").set("ResourceDisplayName", app).set("SourceSystem", "Azure AD"),
                        at, null);
            }
        }
    }

    private static String capital(String user) {
        return Character.toUpperCase(user.charAt(0)) + user.substring(1);
    }

    /** Directory changes: users, groups, role assignments and app consents, some failing. */
    static void auditLogs(Emitter out, Rand rand) {
        for (Instant t = AgentTables.aligned(out.from(), Duration.ofHours(3)); t.isBefore(out.until()); t = t.plus(Duration.ofHours(3))) {
            int n = rand.between(0, 3);
            for (int i = 0; i < n; i++) {
                String[] op = rand.pick(new String[] { "Add user", "UserManagement" }, new String[] { "Update user", "UserManagement" },
                        new String[] { "Add member to group", "GroupManagement" }, new String[] { "Add member to role", "RoleManagement" },
                        new String[] { "Consent to application", "ApplicationManagement" }, new String[] { "Reset password (self-service)", "UserManagement" });
                boolean ok = rand.chance(0.93);
                String actor = rand.pick("alice", "bob");
                String target = rand.pick("carol", "dave", "erin");
                out.emit(out.row().set("OperationName", op[0]).set("ActivityDisplayName", op[0]).set("Category", op[1])
                        .set("Result", ok ? "success" : "failure").set("ResultReason", ok ? "" : "Insufficient privileges")
                        .set("LoggedByService", "Core Directory").set("AADOperationType", op[0].startsWith("Add") ? "Add" : "Update")
                        .set("InitiatedBy", Json.object("user", Json.object("userPrincipalName", actor + "@contoso.com", "ipAddress", "86.40.1.12")))
                        .set("TargetResources", Json.array(Json.object("userPrincipalName", target + "@contoso.com", "type", "User")))
                        .set("CorrelationId", rand.uuid().toString()).set("Id", "Directory_" + rand.uuid())
                        .set("Identity", capital(actor)).set("Level", "4").set("SourceSystem", "Azure AD")
                        .set("AdditionalDetails", Json.array()), t.plus(rand.jitter(Duration.ofHours(3))), null);
            }
        }
    }
}
