namespace Spoc.Modules.Community.Contracts;

/// <summary>Live sessions of the flipped classroom (API.md, Community).</summary>
public enum SessionKind
{
    Webinar,
    VirtualClass,
    InPerson,
}
