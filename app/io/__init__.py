"""Excel exchange with departments: templates out, validated all-or-nothing imports in, full export."""
