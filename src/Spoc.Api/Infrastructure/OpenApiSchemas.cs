using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Validators;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using Spoc.Modules.Platform.Features.Files;
using Spoc.SharedKernel.Persistence;
using Spoc.SharedKernel.Paging;
using Spoc.SharedKernel.Validation;
using Swashbuckle.AspNetCore.SwaggerGen;

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
        ["AssignmentInput"] = "AssignmentDefinition",
        ["AutoGroups.Request"] = "GroupSplit",
        ["CancelSession.Request"] = "SessionCancellation",
        ["ChangePassword.Request"] = "PasswordChange",
        ["CheckIn.Request"] = "CheckInAttempt",
        ["CheckIn.Response"] = "CheckInReceipt",
        ["CreateCourse.CompetencyInput"] = "CompetencyDefinition",
        ["CreateSession.WeeklyRepeat"] = "WeeklyRepeat",
        ["DecideApplication.Decision"] = "AdmissionDecision",
        ["DecideApplication.Request"] = "ApplicationDecision",
        ["DecideApplication.Response"] = "DecidedApplication",
        ["EditPost.Request"] = "PostEdit",
        ["EnrolEmployees.Outcome"] = "EnrolmentOutcome",
        ["EnrolInBulk.Outcome"] = "BulkEnrolmentOutcome",
        ["EnrolInBulk.Request"] = "BulkEnrolmentList",
        ["EnrolInBulk.Response"] = "BulkEnrolmentReport",
        ["EnrolInBulk.Result"] = "BulkEnrolmentRow",
        ["EnrolEmployees.Request"] = "EnrolmentBatch",
        ["EnrolEmployees.Response"] = "EnrolmentReport",
        ["EnrolEmployees.Result"] = "Enrolment",
        ["GetCourseOutline.OutlineSection"] = "OutlineSection",
        ["GetAttendanceSheet.Row"] = "AttendanceSheetRow",
        ["GetCohortAttendance.Row"] = "LearnerAttendance",
        ["GetLearnerSkills.LearnerSkill"] = "LearnerSkill",
        ["GetLearnerSkills.LearnerSkills"] = "LearnerSkills",
        ["GetMe.Membership"] = "OrganizationMembership",
        ["GetMe.Response"] = "CurrentUser",
        ["GetCohortSkills.CohortSkills"] = "CohortSkills",
        ["GetCohortSkills.CompetencyDistribution"] = "CompetencyDistribution",
        ["GetCohortSkills.LearnerRow"] = "LearnerSkillRow",
        ["GetCohortSkills.ProgressPoint"] = "SkillsProgressPoint",
        ["GetFollowUpAttention.ActionDueSoon"] = "FollowUpActionDueSoon",
        ["GetFollowUpAttention.LearnerToFollow"] = "LearnerToFollow",
        ["GetFollowUpDashboard.LevelCounts"] = "RiskLevelCounts",
        ["GetFollowUpDashboard.Reason"] = "RiskReason",
        ["GetFollowUpDashboard.Row"] = "LearnerFollowUp",
        ["GetFollowUpDashboard.Signals"] = "LearnerSignals",
        ["GetOrganizationSkills.EmployeeCohort"] = "EmployeeCohortSkills",
        ["GetOrganizationSkills.EmployeeSkills"] = "EmployeeSkills",
        ["GetOrganizationSkills.OrganizationCohort"] = "OrganizationSkillsCohort",
        ["GetOrganizationSkills.OrganizationSkills"] = "OrganizationSkills",
        ["GetMyFollowUp.ActionForMe"] = "MyFollowUpAction",
        ["GetMyFollowUp.CohortFollowUp"] = "MyCohortFollowUp",
        ["GetMyFollowUp.NextActivityStep"] = "NextActivityStep",
        ["GetMyFollowUp.NextAssignmentStep"] = "NextAssignmentStep",
        ["GetMyFollowUp.Progress"] = "PlanProgress",
        ["GetMyFollowUp.Skill"] = "MySkill",
        ["GetTimeline.Entry"] = "TimelineEntry",
        ["GetTimeline.Fact"] = "LearnerFact",
        ["AddNote.Request"] = "JournalNoteCreate",
        ["UpdateFollowUpAction.Request"] = "FollowUpActionStatusChange",
        ["GetProgress.ActivityColumn"] = "ProgressActivity",
        ["GetProgress.Done"] = "CompletedActivity",
        ["GetProgress.LearnerRow"] = "LearnerProgress",
        ["GetSchedule.CourseAbout"] = "ScheduledCourse",
        ["GetSchedule.CourseCompetencyItem"] = "ScheduledCourseCompetency",
        ["GetSchedule.Extra"] = "ScheduledExtraResource",
        ["GetSchedule.ScheduledActivity"] = "ScheduledActivity",
        ["GetThread.Response"] = "ForumThreadWithPosts",
        ["GetReadiness.Row"] = "ReadinessRow",
        ["GradeSubmission.Request"] = "GradeUpdate",
        ["GradeSubmission.RubricChoice"] = "RubricChoice",
        ["HidePost.Request"] = "PostHiding",
        ["InviteToCohort.Request"] = "InvitationCreate",
        ["IssueCheckInCode.Response"] = "IssuedCheckInCode",
        ["InviteToCohort.Response"] = "IssuedInvitation",
        ["IssueToken.Command"] = "Credentials",
        ["IssueCertificates.Request"] = "CertificateIssuance",
        ["ListCohortPartners.Partner"] = "CohortPartner",
        ["ListInvitations.Invitation"] = "Invitation",
        ["ListMentionable.Person"] = "MentionablePerson",
        ["ListMembers.Member"] = "CohortMember",
        ["ListOrganizationMembers.Member"] = "OrganizationMember",
        ["GetPublicCohort.PublicCohort"] = "PublicCohort",
        ["ListPartnerships.Item"] = "PartnerCohort",
        ["MarkAllNotificationsRead.Response"] = "NotificationsMarkedRead",
        ["OpenConversation.Request"] = "ConversationOpening",
        ["SendMessage.Request"] = "MessageCreate",
        ["UpdateNotificationPreferences.ChannelInput"] = "NotificationChannelSetting",
        ["Logout.Request"] = "TokenRevocation",
        ["MarkActivityDone.Response"] = "ActivityCompletion",
        ["MarkAnswer.Request"] = "ThreadAnswer",
        ["NamePartner.Request"] = "CohortPartnerCreate",
        ["PreviewMarkdown.Query"] = "MarkdownDraft",
        ["PreviewMarkdown.Response"] = "MarkdownPreview",
        ["RefreshAccessToken.Request"] = "TokenRefresh",
        ["RecordAttendance.Record"] = "AttendanceRecord",
        ["RecordAttendance.Request"] = "AttendanceRecords",
        ["RegisterUser.Command"] = "Registration",
        ["RegisterUser.Response"] = "RegisteredAccount",
        ["RequestPasswordReset.Command"] = "ForgottenPassword",
        ["ResetPassword.Command"] = "PasswordReset",
        ["ReorderOutline.Request"] = "OutlineOrder",
        ["ReorderOutline.SectionOrder"] = "SectionOrder",
        ["RotateApiClientSecret.Request"] = "SecretRotation",
        ["RotateWebhookSecret.Request"] = "WebhookSecretRotation",
        ["PingWebhook.PingQueued"] = "WebhookPingQueued",
        ["RevokeCertificate.Request"] = "CertificateRevocation",
        ["RotateSigningKey.CredentialSigningKey"] = "CredentialSigningKey",
        ["RiskRuleItem"] = "RiskRule",
        ["RubricTemplateInput"] = "RubricTemplateDefinition",
        ["SetPacing.ExtraInput"] = "ExtraResource",
        ["SetPacing.Request"] = "PacingUpdate",
        ["SetPacing.Shift"] = "PacingShift",
        ["UploadFile.Response"] = "StoredFile",
        ["VerifyCertificate.CertificateVerification"] = "CertificateVerification",
        ["VerifyCertificate.VerifiedCompetency"] = "VerifiedCompetency",
        ["VerifyEmail.Command"] = "EmailVerification",
        ["ChangeOrganizationMemberRole.Request"] = "OrganizationMemberRoleChange",
        ["SearchUsers.UserAccount"] = "UserAccount",
        ["GetSystemStatus.OutboxBacklog"] = "OutboxBacklog",
        ["GetSystemStatus.SystemHealth"] = "SystemHealth",
        ["GetSystemStatus.HealthCheckOutcome"] = "HealthCheckOutcome",
    };

    public static string SchemaId(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(PagedResult<>))
        {
            return SchemaId(type.GetGenericArguments()[0]) + "Page";
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Spoc.Modules.Integrations.Contracts.WebhookEnvelope<>))
        {
            return SchemaId(type.GetGenericArguments()[0]).Replace("Data", "", StringComparison.Ordinal) + "WebhookEvent"; // GradeReleasedData → GradeReleasedWebhookEvent
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

    /// <summary>
    /// The FluentValidation rules, stated as schema constraints a client can check before sending: lengths, non-empty
    /// text and lists, list sizes (<see cref="Rules.MaxItems"/>), patterns, numeric ranges, email, and (by the error codes
    /// of <see cref="Rules"/>) http(s) URL and IANA time zone.
    /// A body record's rules are its own validators', or its feature's Command's (the endpoint copies a Request into it
    /// field by field); nested records (RuleForEach/ChildRules/SetValidator) are reached from their parent. Rules that
    /// compare two fields or ask the database stay in the descriptions (ADR 0017).
    /// </summary>
    internal sealed class ValidatorSchemaFilter(IServiceProvider services) : ISchemaFilter
    {
        public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
        {
            if (schema is not OpenApiSchema { Properties.Count: > 0 } target || context.MemberInfo is not null)
            {
                return;
            }

            var sibling = context.Type is { Name: "Request", DeclaringType: { } feature } ? feature.GetNestedType("Command", BindingFlags.Public) : null;
            foreach (var validated in new[] { context.Type, sibling }.OfType<Type>())
            {
                foreach (var validator in (IEnumerable<IValidator>)services.GetServices(typeof(IValidator<>).MakeGenericType(validated)))
                {
                    Constrain(target, validator, context.SchemaRepository);
                }
            }
        }

        private static void Constrain(OpenApiSchema target, IValidator validator, SchemaRepository repository)
        {
            foreach (var rule in (IEnumerable<IValidationRule>)validator)
            {
                var property = rule is IIncludeRule ? null : target.Properties!.FirstOrDefault(p => string.Equals(p.Key, rule.PropertyName, StringComparison.OrdinalIgnoreCase)).Value;
                var each = rule.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionRule<,>));
                var subject = each ? property?.Items : property; // RuleForEach constrains the items
                foreach (var component in rule.Components)
                {
                    if (component.Validator is IChildValidatorAdaptor child)
                    {
                        // A child validator given as an instance (Include, SetValidator, ChildRules) comes back whatever the context.
                        var context = Activator.CreateInstance(typeof(ValidationContext<>).MakeGenericType(child.GetType().GetGenericArguments()[0]), [null]);
                        var nested = (IValidator)child.GetType().GetMethod("GetValidator")!.Invoke(child, [context, null])!;
                        if ((rule is IIncludeRule ? target : Referenced(subject, repository)) is { } nestedTarget)
                        {
                            Constrain(nestedTarget, nested, repository);
                        }
                    }
                    else if (subject is OpenApiSchema value && !component.HasCondition)
                    {
                        Apply(value, component);
                    }
                }
            }
        }

        private static OpenApiSchema? Referenced(IOpenApiSchema? subject, SchemaRepository repository) =>
            (subject as OpenApiSchemaReference ?? subject?.AllOf?.OfType<OpenApiSchemaReference>().FirstOrDefault()) is { Reference.Id: { } id }
                ? repository.Schemas[id] as OpenApiSchema
                : null;

        private static void Apply(OpenApiSchema schema, IRuleComponent component)
        {
            var text = schema.Type?.HasFlag(JsonSchemaType.String) == true && schema.Format is null;
            var list = schema.Type?.HasFlag(JsonSchemaType.Array) == true;
            switch (component.Validator)
            {
                case ILengthValidator length when text:
                    schema.MaxLength = length.Max > 0 ? length.Max : schema.MaxLength;
                    schema.MinLength = length.Min > 0 ? length.Min : schema.MinLength;
                    break;
                case INotEmptyValidator when text:
                    schema.MinLength ??= 1;
                    break;
                case INotEmptyValidator when list:
                    schema.MinItems ??= 1;
                    break;
                case IRegularExpressionValidator regex when text:
                    schema.Pattern = regex.Expression;
                    break;
                case IMaxItemsValidator bound when list:
                    schema.MaxItems = bound.Max;
                    break;
                case IMaxItemsValidator bound:
                    schema.MaxProperties = bound.Max; // a map such as an application's answers
                    break;
                case IEmailValidator:
                    schema.Format = "email";
                    break;
                case IBetweenValidator { From: int from, To: int to }:
                    schema.Minimum = from.ToString(CultureInfo.InvariantCulture);
                    schema.Maximum = to.ToString(CultureInfo.InvariantCulture);
                    break;
                case IComparisonValidator { ValueToCompare: int bound } comparison:
                    (schema.Minimum, schema.Maximum) = comparison.Comparison switch
                    {
                        Comparison.GreaterThan => ((bound + 1).ToString(CultureInfo.InvariantCulture), schema.Maximum),
                        Comparison.GreaterThanOrEqual => (bound.ToString(CultureInfo.InvariantCulture), schema.Maximum),
                        Comparison.LessThan => (schema.Minimum, (bound - 1).ToString(CultureInfo.InvariantCulture)),
                        Comparison.LessThanOrEqual => (schema.Minimum, bound.ToString(CultureInfo.InvariantCulture)),
                        _ => (schema.Minimum, schema.Maximum),
                    };
                    break;
                default:
                    switch (component.ErrorCode)
                    {
                        case Rules.HttpUrlCode:
                            schema.Format = "uri";
                            break;
                        case Rules.TimeZoneCode:
                            schema.Description ??= "An IANA time zone name, such as `Europe/Paris`: the cohort's dates and release days are days in this zone.";
                            schema.Examples ??= [System.Text.Json.Nodes.JsonValue.Create("Europe/Paris")];
                            break;
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// Content a generated client must see: a file download is binary in each stored media type (not JSON, not empty),
    /// and a GET of a versioned resource takes <c>If-None-Match</c> (its 304 is declared with the other conventions in OpenApi.cs).
    /// </summary>
    internal sealed class ContentOperationFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var responses = context.ApiDescription.SupportedResponseTypes;
            if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Http.Metadata.IProducesResponseTypeMetadata>()
                    .Any(m => m.StatusCode == 200 && m.ContentTypes.Contains("application/octet-stream"))
                && operation.Responses?["200"] is OpenApiResponse download)
            {
                download.Description = "The file's bytes, as an attachment named after the uploaded file.";
                download.Content = UploadFile.ContentTypes.ToDictionary(
                    type => type, IOpenApiMediaType (_) => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } });
            }

            // A CSV body is text, whatever record its JSON alternative is read into.
            if (operation.RequestBody?.Content?.TryGetValue("text/csv", out var csv) == true && csv is OpenApiMediaType csvBody)
            {
                csvBody.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "CSV (RFC 4180, `,` or `;` between cells) with a header row; the operation says which columns it reads." };
            }

            if (context.ApiDescription.HttpMethod == "GET" && responses.Any(r => r.StatusCode == 200 && r.Type is { } t && typeof(IVersioned).IsAssignableFrom(t)))
            {
                (operation.Parameters ??= []).Add(new OpenApiParameter
                {
                    Name = HeaderNames.IfNoneMatch,
                    In = ParameterLocation.Header,
                    Description = "The `ETag` of the copy the caller holds: 304 with no body when it is still current.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
                });
            }
        }
    }

    /// <summary>
    /// An <c>example</c> on every JSON request body, built from its schema (so it always matches it): its required fields, with the values below
    /// for fields whose rules a generic value would break (dates in order, a real time zone, a language tag...).
    /// </summary>
    internal sealed class RequestExamplesFilter : IDocumentFilter
    {
        private static readonly Dictionary<string, JsonNode> Samples = new(StringComparer.OrdinalIgnoreCase)
        {
            ["startsOn"] = "2027-03-01",
            ["endsOn"] = "2027-06-30",
            ["applicationsOpenAt"] = "2027-01-04T08:00:00Z",
            ["applicationsCloseAt"] = "2027-02-26T18:00:00Z",
            ["timeZone"] = "Europe/Paris",
            ["language"] = "fr",
            ["slug"] = "acme-formation",
            ["name"] = "Acme Formation",
            ["displayName"] = "Ada Lovelace",
            ["email"] = "ada@example.com",
            ["emails"] = new JsonArray("ada@example.com", "alan@example.com"),
            ["title"] = "Lancer un projet",
            ["code"] = "C1",
            ["password"] = "correct-horse-42",
            ["currentPassword"] = "correct-horse-42",
            ["newPassword"] = "battery-staple-43",
            ["motivation"] = "Je veux progresser en gestion de projet.",
            ["content"] = "Le **cadrage** d'abord.",
            ["offsetDays"] = 7,
            ["dueOffsetDays"] = 14,
            ["durationMinutes"] = 30,
            ["capacity"] = 24,
            ["groupSize"] = 4,
            ["days"] = 3,
            ["weight"] = 100,
            ["passMark"] = 50,
        };

        public void Apply(OpenApiDocument document, DocumentFilterContext context)
        {
            foreach (var media in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
                .SelectMany(o => o.RequestBody?.Content ?? new Dictionary<string, IOpenApiMediaType>())
                .Where(m => m.Key == "application/json").Select(m => m.Value).OfType<OpenApiMediaType>())
            {
                media.Example = Sample(media.Schema, null, document);
            }
        }

        private static JsonNode? Sample(IOpenApiSchema? schema, string? name, OpenApiDocument document)
        {
            if (schema is OpenApiSchemaReference { Reference.Id: { } id })
            {
                schema = document.Components!.Schemas![id];
            }

            if (schema is null)
            {
                return null;
            }

            if (name is not null && Samples.TryGetValue(name, out var sample))
            {
                return sample.DeepClone();
            }

            if (schema.Enum is [var first, ..])
            {
                return first?.DeepClone();
            }

            var type = schema.Type ?? default;
            return (type & ~JsonSchemaType.Null) switch
            {
                JsonSchemaType.Object when schema.Properties is { Count: > 0 } properties =>
                    new JsonObject(properties
                        .Where(p => !p.Value.ReadOnly) // computed by the server (a rubric's totalPoints): never sent
                        .Where(p => schema.Required is not { Count: > 0 } required || required.Contains(p.Key) || Samples.ContainsKey(p.Key)) // optional fields only when they matter
                        .Select(p => KeyValuePair.Create(p.Key, Sample(p.Value, p.Key, document)))),
                JsonSchemaType.Object => new JsonObject { ["question"] = "answer" },
                JsonSchemaType.Array => new JsonArray(Sample(schema.Items, null, document)),
                JsonSchemaType.Integer or JsonSchemaType.Number => int.Parse(schema.Minimum ?? "1", CultureInfo.InvariantCulture),
                JsonSchemaType.Boolean => false,
                _ => schema.Format switch
                {
                    "uuid" => "3fa85f64-5717-4562-b3fc-2c963f66afa6",
                    "email" => "ada@example.com",
                    "uri" => "https://example.com/guide",
                    "date" => "2027-03-01",
                    "date-time" => "2027-03-01T09:00:00Z",
                    _ => name is null ? "text" : name,
                },
            };
        }
    }
}
