using System.Reflection;
using AwesomeAssertions;
using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Validators;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Spoc.Api.Tests.Infrastructure;
using Spoc.SharedKernel.Validation;

namespace Spoc.Api.Tests.Conventions;

/// <summary>
/// Every string a request carries is bounded and reached by the text rule: each message (command, query, request of every
/// module) has, for each of its text fields, a length limit in one of its validators, and no member the text rule cannot
/// walk; each endpoint's <c>Request</c> body only carries fields its <c>Command</c> checks.
/// </summary>
public sealed class RequestFieldTests
{
    [Test]
    public void Every_text_field_of_every_message_has_a_length_limit_and_the_text_rule()
    {
        using var factory = new SpocApiFactory();
        var messages = SpocTypes().Where(t => typeof(IMessage).IsAssignableFrom(t) && !typeof(INotification).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }).ToList();
        messages.Should().Contain(t => t.FullName!.EndsWith("CreateCohort+Command", StringComparison.Ordinal));

        var problems = messages.SelectMany(t => Problems(t, (IEnumerable<IValidator>)factory.Services.GetServices(typeof(IValidator<>).MakeGenericType(t))!)).ToList();

        problems.Should().BeEmpty(string.Join(Environment.NewLine, problems));
    }

    [Test]
    public void Every_endpoint_request_body_carries_only_text_its_command_checks()
    {
        var problems = new List<string>();
        foreach (var request in SpocTypes().Where(t => t.Name == "Request" && t.DeclaringType is not null))
        {
            var command = request.DeclaringType!.GetNestedType("Command", BindingFlags.Public | BindingFlags.NonPublic) ?? request.DeclaringType.GetNestedType("Query", BindingFlags.Public | BindingFlags.NonPublic);
            var checkedFields = command is null ? [] : TextFields.Describe(command).Select(f => f.Path).ToHashSet();
            problems.AddRange(TextFields.Describe(request).Where(f => !checkedFields.Contains(f.Path)).Select(f => $"{request.FullName}.{f.Path} does not reach a field of its Command"));
        }

        problems.Should().BeEmpty(string.Join(Environment.NewLine, problems));
    }

    [Test]
    public void The_check_reports_unbounded_fields_nested_ones_included()
    {
        var validator = new InlineValidator<Sloppy>();
        validator.RuleFor(s => s.Title).NotEmpty().MaximumLength(200);
        validator.RuleFor(s => s.Inner).ChildRules(i => i.RuleFor(x => x.Bounded).MaximumLength(20));
        validator.RuleForEach(s => s.Tags).MaximumLength(20);

        Problems(typeof(Sloppy), [validator]).Should().BeEquivalentTo(
            $"{typeof(Sloppy).FullName}.Note has no length limit",
            $"{typeof(Sloppy).FullName}.Inner.Unbounded has no length limit",
            $"{typeof(Sloppy).FullName}.Items.Name has no length limit",
            $"{typeof(Sloppy).FullName}.Answers.Key has no length limit",
            $"{typeof(Sloppy).FullName}.Answers.Value has no length limit",
            $"{typeof(Sloppy).FullName}.NewPassword has no length limit");
        Problems(typeof(Opaque), []).Should().ContainSingle().Which.Should().Contain("text rule does not reach");
        TextFields.Describe(typeof(Sloppy)).Should().Contain([new TextFields.Field("Note", TextKind.MultiLine), new TextFields.Field("NewPassword", TextKind.Secret), new TextFields.Field("Inner.Bounded", TextKind.SingleLine)]);
    }

    public sealed record Inner(string Bounded, string? Unbounded);

    public sealed record Item(string Name);

    public sealed record Sloppy(string Title, [property: MultiLine] string? Note, Inner Inner, IReadOnlyList<string> Tags, IReadOnlyList<Item> Items,
        Dictionary<string, string> Answers, string NewPassword, Guid Id, int Count);

    public sealed record Opaque(Tuple<string, int> Pair);

    private static IEnumerable<string> Problems(Type message, IEnumerable<IValidator> validators)
    {
        List<TextFields.Field> fields;
        try
        {
            fields = TextFields.Describe(message).ToList();
        }
        catch (NotSupportedException e)
        {
            return [$"{message.FullName}: {e.Message}"];
        }

        var limited = validators.SelectMany(v => LimitedPaths(v, "")).ToHashSet();
        return fields.Where(f => !limited.Contains(f.Path)).Select(f => $"{message.FullName}.{f.Path} has no length limit");
    }

    /// <summary>Paths ("Activity.Title", "Emails") that carry a maximum length, through Include, SetValidator, ChildRules and RuleForEach.</summary>
    private static IEnumerable<string> LimitedPaths(IValidator validator, string prefix)
    {
        foreach (var rule in (IEnumerable<IValidationRule>)validator)
        {
            var path = rule is IIncludeRule ? prefix : prefix + rule.PropertyName;
            foreach (var component in rule.Components)
            {
                if (component.Validator is ILengthValidator { Max: > 0 })
                {
                    yield return path;
                }
                else if (component.Validator is IChildValidatorAdaptor child)
                {
                    // A child validator given as an instance comes back whatever the context and value.
                    var context = Activator.CreateInstance(typeof(ValidationContext<>).MakeGenericType(child.GetType().GetGenericArguments()[0]), [null]);
                    var nested = (IValidator)child.GetType().GetMethod("GetValidator")!.Invoke(child, [context, null])!;
                    foreach (var inner in LimitedPaths(nested, rule is IIncludeRule ? prefix : path + "."))
                    {
                        yield return inner;
                    }
                }
            }
        }
    }

    private static IEnumerable<Type> SpocTypes()
    {
        var seen = new HashSet<string>();
        var pending = new Queue<Assembly>([typeof(Program).Assembly]);
        while (pending.TryDequeue(out var assembly))
        {
            foreach (var type in assembly.GetTypes())
            {
                yield return type;
            }

            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("Spoc.", StringComparison.Ordinal) && seen.Add(r.Name)))
            {
                pending.Enqueue(Assembly.Load(reference));
            }
        }
    }
}
