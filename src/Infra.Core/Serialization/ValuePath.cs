using System.Globalization;
using System.Text;

namespace Infra.Serialization;

/// <summary>
/// Where a value sits (<c>test:index:Thing 'db'.spec.ports[0]</c>), built lazily so that the text is
/// only formatted when an error message needs it.
/// </summary>
internal sealed class ValuePath
{
    private readonly ValuePath? _parent;
    private readonly string? _member;
    private readonly int _index;

    private ValuePath(ValuePath? parent, string? member, int index)
    {
        _parent = parent;
        _member = member;
        _index = index;
    }

    public static implicit operator ValuePath(string root) => new(null, root, -1);

    public ValuePath Member(string name) => new(this, name, -1);

    public ValuePath Index(int index) => new(this, null, index);

    public override string ToString()
    {
        var builder = new StringBuilder();
        Append(builder);
        return builder.ToString();
    }

    private void Append(StringBuilder builder)
    {
        if (_parent is null)
        {
            builder.Append(_member);
            return;
        }

        _parent.Append(builder);
        if (_member is not null)
        {
            builder.Append('.').Append(_member);
        }
        else
        {
            builder.Append('[').Append(_index.ToString(CultureInfo.InvariantCulture)).Append(']');
        }
    }
}
