using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation.Results;
using Spoc.SharedKernel.Text;

namespace Spoc.SharedKernel.Validation;

/// <summary>A text property (or the items of a list, the values of a map) that may hold several lines: Markdown bodies, notes, answers.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MultiLineAttribute : Attribute;

public enum TextKind
{
    /// <summary>The default: trimmed, one line of <see cref="PlainText"/>.</summary>
    SingleLine,

    /// <summary>Marked <see cref="MultiLineAttribute"/>: line breaks become <c>\n</c>; tabs and newlines allowed; kept as written otherwise.</summary>
    MultiLine,

    /// <summary>A property named <c>…Password</c>: never trimmed nor altered, whatever it holds.</summary>
    Secret,
}

/// <summary>
/// The text rule, applied by <see cref="Messaging.ValidationBehavior{TMessage,TResponse}"/> to every string of every
/// message (nested records, lists and maps included) before its validators run, so no field can be forgotten: single-line
/// text is trimmed in place (the stored value is the trimmed one) and checked, multi-line text is normalised and checked.
/// Lengths stay with each validator; a convention test walks <see cref="Describe"/> to prove every field has one.
/// </summary>
public static class TextFields
{
    public sealed record Field(string Path, TextKind Kind);

    private enum Shape { Text, Texts, TextMap, Record, Records }

    private sealed record Member(PropertyInfo Property, Shape Shape, TextKind Kind);

    private static readonly ConcurrentDictionary<Type, Member[]> Plans = new();

    /// <summary>Every text field of <paramref name="type"/>, as validators name them ("Activity.Title", "Emails", "Answers.Key").</summary>
    /// <exception cref="NotSupportedException">A member type that may carry text this walk does not reach.</exception>
    public static IEnumerable<Field> Describe(Type type, string prefix = "")
    {
        foreach (var m in PlanOf(type))
        {
            var path = prefix + m.Property.Name;
            var fields = m.Shape switch
            {
                Shape.Text or Shape.Texts => [new Field(path, m.Kind)],
                Shape.TextMap => [new Field(path + ".Key", TextKind.SingleLine), new Field(path + ".Value", m.Kind)],
                _ => Describe(ItemType(m.Property.PropertyType), path + "."),
            };
            foreach (var field in fields)
            {
                yield return field;
            }
        }
    }

    /// <summary>Trims and normalises the message's text in place; adds a failure for every value that breaks the rule.</summary>
    public static void Normalize(object message, List<ValidationFailure> failures) => Visit(message, "", failures);

    private static void Visit(object target, string prefix, List<ValidationFailure> failures)
    {
        foreach (var m in PlanOf(target.GetType()))
        {
            var path = prefix + m.Property.Name;
            switch (m.Shape, m.Property.GetValue(target))
            {
                case (_, null):
                    break;
                case (Shape.Text, string text):
                    var normalized = Check(text, m.Kind, path, failures);
                    if (!ReferenceEquals(normalized, text) && m.Property.CanWrite)
                    {
                        m.Property.SetValue(target, normalized); // init-only record properties, before any handler reads them
                    }

                    break;
                case (Shape.Texts, IEnumerable<string?> texts):
                    foreach (var (index, text) in texts.Index().ToList())
                    {
                        if (text is not null && Check(text, m.Kind, $"{path}[{index}]", failures) is var value && !ReferenceEquals(value, text))
                        {
                            Replace(texts, index, value, $"{path}[{index}]", failures);
                        }
                    }

                    break;
                case (Shape.TextMap, IEnumerable<KeyValuePair<string, string?>> map):
                    var entries = map.Index().Select(e => new KeyValuePair<string, string?>(
                        Check(e.Item.Key, TextKind.SingleLine, $"{path}[{e.Index}].Key", failures),
                        e.Item.Value is null ? null : Check(e.Item.Value, m.Kind, $"{path}[{e.Index}].Value", failures))).ToList();
                    if (map is IDictionary<string, string?> { IsReadOnly: false } dictionary && !entries.SequenceEqual(dictionary))
                    {
                        dictionary.Clear();
                        foreach (var (index, entry) in entries.Index())
                        {
                            if (!dictionary.TryAdd(entry.Key, entry.Value))
                            {
                                failures.Add(new ValidationFailure($"{path}[{index}].Key", "Each key at most once."));
                            }
                        }
                    }

                    break;
                case (Shape.Record, var record):
                    Visit(record, path + ".", failures);
                    break;
                case (Shape.Records, IEnumerable records):
                    foreach (var (index, record) in records.Cast<object?>().Index())
                    {
                        if (record is not null)
                        {
                            Visit(record, $"{path}[{index}].", failures);
                        }
                    }

                    break;
            }
        }
    }

    private static string Check(string text, TextKind kind, string path, List<ValidationFailure> failures)
    {
        switch (kind)
        {
            case TextKind.SingleLine:
                text = PlainText.Trim(text);
                if (!PlainText.IsSingleLine(text))
                {
                    failures.Add(new ValidationFailure(path, PlainText.SingleLineMessage));
                }

                break;
            case TextKind.MultiLine:
                text = PlainText.NormalizeNewlines(text);
                if (!PlainText.IsMultiLine(text))
                {
                    failures.Add(new ValidationFailure(path, PlainText.MultiLineMessage));
                }
                else if (PlainText.IsOnlyBlank(text))
                {
                    failures.Add(new ValidationFailure(path, PlainText.InvisibleMessage));
                }

                break;
        }

        return text;
    }

    /// <summary>Lists bound from JSON are arrays or <see cref="List{T}"/>; a collection that cannot be written must arrive normalised.</summary>
    private static void Replace(IEnumerable<string?> texts, int index, string value, string path, List<ValidationFailure> failures)
    {
        switch (texts)
        {
            case string?[] array:
                array[index] = value;
                break;
            case IList<string?> { IsReadOnly: false } list:
                list[index] = value;
                break;
            default:
                failures.Add(new ValidationFailure(path, PlainText.SingleLineMessage));
                break;
        }
    }

    private static Member[] PlanOf(Type type) => Plans.GetOrAdd(type, static t => t
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetIndexParameters().Length == 0)
        .Select(p => ShapeOf(p.PropertyType) is { } shape ? new Member(p, shape, KindOf(p)) : null)
        .OfType<Member>()
        .ToArray());

    private static TextKind KindOf(PropertyInfo property) =>
        property.Name.EndsWith("Password", StringComparison.Ordinal) ? TextKind.Secret
        : property.IsDefined(typeof(MultiLineAttribute)) ? TextKind.MultiLine
        : TextKind.SingleLine;

    /// <summary>Null for a member that holds no text (numbers, dates, ids, enums, streams, delegates).</summary>
    private static Shape? ShapeOf(Type type)
    {
        if (type == typeof(string))
        {
            return Shape.Text;
        }

        if (typeof(IEnumerable<KeyValuePair<string, string?>>).IsAssignableFrom(type))
        {
            return Shape.TextMap;
        }

        if (ElementOf(type) is { } element)
        {
            return element == typeof(string) ? Shape.Texts : ShapeOf(element) is Shape.Record ? Shape.Records : MayHoldText(element) ? throw Unsupported(type) : null;
        }

        if (type.Namespace?.StartsWith("Spoc.", StringComparison.Ordinal) == true && type.IsClass && !typeof(Delegate).IsAssignableFrom(type))
        {
            return Shape.Record;
        }

        return MayHoldText(type) ? throw Unsupported(type) : null;
    }

    private static Type ItemType(Type type) => ElementOf(type) ?? type;

    private static Type? ElementOf(Type type) =>
        type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    /// <summary>A type from elsewhere that exposes text (a tuple, a pair, a map of other keys): the walk would miss it, so it is refused.</summary>
    private static bool MayHoldText(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p => p.PropertyType == typeof(string) || ElementOf(p.PropertyType) == typeof(string));

    private static NotSupportedException Unsupported(Type type) =>
        new($"{type} may carry text the text rule does not reach: use a string, a list of strings, a string-to-string map or a Spoc record.");
}
