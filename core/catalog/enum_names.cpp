#include "catalog/enum_names.h"

namespace cf {

const EnumNames<Precision>& precision_names() {
  static const EnumNames<Precision> names{{Precision::Fp64, "fp64"}, {Precision::Tf32, "tf32"},
                                          {Precision::Bf16, "bf16"}, {Precision::Fp16, "fp16"},
                                          {Precision::Fp8, "fp8"},   {Precision::Fp4, "fp4"}};
  return names;
}

const EnumNames<PortRole>& port_role_names() {
  static const EnumNames<PortRole> names{{PortRole::Compute, "compute"},
                                         {PortRole::Storage, "storage"},
                                         {PortRole::Inband, "inband"},
                                         {PortRole::Oob, "oob"},
                                         {PortRole::Fabric, "fabric"}};
  return names;
}

}  // namespace cf
