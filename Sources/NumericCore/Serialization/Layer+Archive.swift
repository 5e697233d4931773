/// Saving and loading a layer's parameter values.
extension Layer {
  /// Writes every parameter's value into `archive` as `prefix + name`.
  ///
  /// - Parameters:
  ///   - archive: The archive to add to.
  ///   - prefix: Prepended to every name, such as `"encoder."`.
  public func saveParameters(into archive: inout TensorArchive, prefix: String = "") {
    for (name, parameter) in parameters {
      archive.setTensor(parameter.value, named: prefix + name)
    }
  }

  /// Sets every parameter's value from `archive`, reading `prefix + name`.
  ///
  /// All entries are checked before any parameter changes, so a failed load leaves the layer
  /// as it was. Entries of other names are ignored.
  ///
  /// - Parameters:
  ///   - archive: The archive to read.
  ///   - prefix: Prepended to every name, as when saving.
  /// - Throws: `ArchiveError.missingTensor`, or `ArchiveError.shapeMismatch` carrying the
  ///   expected and the stored shape.
  public func loadParameters(from archive: TensorArchive, prefix: String = "") throws(ArchiveError)
  {
    let named = parameters
    var values: [Tensor] = []
    values.reserveCapacity(named.count)
    for (name, parameter) in named {
      values.append(try archive.tensor(named: prefix + name, shape: parameter.shape))
    }
    for ((_, parameter), value) in zip(named, values) {
      parameter.value = value
    }
  }
}
