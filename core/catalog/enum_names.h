#pragma once
// JSON names of the catalog's enums, shared by the catalog and design files.

#include "catalog/catalog_types.h"
#include "io/field_table.h"

namespace cf {

const EnumNames<Precision>& precision_names();
const EnumNames<PortRole>& port_role_names();

}  // namespace cf
