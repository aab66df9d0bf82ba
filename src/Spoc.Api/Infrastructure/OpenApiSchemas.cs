using Spoc.SharedKernel.Paging;

namespace Spoc.Api.Infrastructure;

/// <summary>
/// Public schema names read as resources, not as the server classes behind them (OpenApiDocumentTests holds the line).
/// The rule: <c>CohortResponse</c> → <c>Cohort</c>; <c>CreateCohort.Command</c>, <c>AddSection.Request</c> →
/// <c>CohortCreate</c>, <c>SectionCreate</c>; <c>UpdateCohort.Request</c> → <c>CohortUpdate</c>; <c>GetSchedule.Response</c>
/// → <c>Schedule</c>; <c>PagedResult&lt;T&gt;</c> → <c>TPage</c>; other top-level types keep their name. Where the rule
/// reads badly, or a feature nests other records, <see cref="Overrides"/> names them (keyed "Feature.Record").
/// </summary>
internal static class OpenApiSchemas
{
    private static readonly Dictionary<string, string> Overrides = new()
    {
        ["AcceptInvitation.Response"] = "InvitationAcceptance",
        ["AcceptOrganizationInvitation.Response"] = "OrganizationInvitationAcceptance",
        ["ActivityInput"] = "ActivityDefinition",
        ["AddCohortMember.Response"] = "CohortMemberSummary",
        ["AddOrganizationMember.Response"] = "OrganizationRoleGrant",
        ["ApplyToCohort.Request"] = "ApplicationCreate",
        ["AssignMentor.Request"] = "MentorAssignment",
        ["AutoGroups.Request"] = "GroupSplit",
        ["ChangePassword.Request"] = "PasswordChange",
        ["CreateCourse.CompetencyInput"] = "CompetencyDefinition",
        ["DecideApplication.Decision"] = "AdmissionDecision",
        ["DecideApplication.Request"] = "ApplicationDecision",
        ["DecideApplication.Response"] = "DecidedApplication",
        ["EnrolEmployees.Outcome"] = "EnrolmentOutcome",
        ["EnrolEmployees.Request"] = "EnrolmentBatch",
        ["EnrolEmployees.Response"] = "EnrolmentReport",
        ["EnrolEmployees.Result"] = "Enrolment",
        ["GetCourseOutline.OutlineSection"] = "OutlineSection",
        ["GetMe.Membership"] = "OrganizationMembership",
        ["GetMe.Response"] = "CurrentUser",
        ["GetProgress.ActivityColumn"] = "ProgressActivity",
        ["GetProgress.Done"] = "CompletedActivity",
        ["GetProgress.LearnerRow"] = "LearnerProgress",
        ["GetSchedule.Extra"] = "ScheduledExtraResource",
        ["GetSchedule.ScheduledActivity"] = "ScheduledActivity",
        ["InviteToCohort.Request"] = "InvitationCreate",
        ["InviteToCohort.Response"] = "IssuedInvitation",
        ["IssueToken.Command"] = "Credentials",
        ["ListCohortPartners.Partner"] = "CohortPartner",
        ["ListInvitations.Invitation"] = "Invitation",
        ["ListMembers.Member"] = "CohortMember",
        ["ListOrganizationMembers.Member"] = "OrganizationMember",
        ["ListPartnerships.Item"] = "PartnerCohort",
        ["Logout.Request"] = "TokenRevocation",
        ["MarkActivityDone.Response"] = "ActivityCompletion",
        ["NamePartner.Request"] = "CohortPartnerCreate",
        ["RefreshAccessToken.Request"] = "TokenRefresh",
        ["RegisterUser.Command"] = "Registration",
        ["RegisterUser.Response"] = "RegisteredAccount",
        ["RequestPasswordReset.Command"] = "ForgottenPassword",
        ["ResetPassword.Command"] = "PasswordReset",
        ["SetPacing.ExtraInput"] = "ExtraResource",
        ["SetPacing.Request"] = "PacingUpdate",
        ["SetPacing.Shift"] = "PacingShift",
        ["UploadFile.Response"] = "StoredFile",
        ["VerifyEmail.Command"] = "EmailVerification",
    };

    public static string SchemaId(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(PagedResult<>))
        {
            return SchemaId(type.GetGenericArguments()[0]) + "Page";
        }

        var feature = type.DeclaringType?.Name;
        if (Overrides.TryGetValue(feature is null ? type.Name : $"{feature}.{type.Name}", out var name))
        {
            return name;
        }

        return (feature, type.Name) switch
        {
            (null, var top) when top.EndsWith("Response", StringComparison.Ordinal) => top[..^"Response".Length],
            (null, var top) => top,
            (_, "Command" or "Request") when Split(feature) is ("Create" or "Add", var noun) => noun + "Create",
            (_, "Command" or "Request") when Split(feature) is ("Update", var noun) => noun + "Update",
            (_, "Response") when Split(feature) is ("Get", var noun) => noun,
            _ => feature + type.Name, // unnamed yet: OpenApiDocumentTests names it as a server class to rename
        };
    }

    /// <summary>"CreateCohort" → ("Create", "Cohort"): a feature is a verb then what it acts on.</summary>
    private static (string Verb, string Noun) Split(string feature)
    {
        var end = feature.AsSpan(1).IndexOfAnyInRange('A', 'Z') + 1;
        return end > 0 ? (feature[..end], feature[end..]) : (feature, "");
    }
}
